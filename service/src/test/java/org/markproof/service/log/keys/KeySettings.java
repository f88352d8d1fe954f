package org.markproof.service.log.keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;

/** {@link LogKeySettings} for tests, one named setting at a time; nothing configured by default. */
final class KeySettings {
  private final Path dataDir;
  private Optional<String> origin = Optional.empty();
  private Optional<Path> signer = Optional.empty();
  private Optional<Path> timestamp = Optional.empty();
  private final List<Path> additional = new ArrayList<>();
  private final List<String> retired = new ArrayList<>();
  private final List<String> verifierKeys = new ArrayList<>();
  private boolean demo;

  private KeySettings(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Settings with {@code markproof.data-dir} at {@code dataDir} and nothing else. */
  static KeySettings in(Path dataDir) {
    return new KeySettings(dataDir);
  }

  KeySettings origin(String value) {
    origin = Optional.of(value);
    return this;
  }

  KeySettings signerFile(Path file) {
    signer = Optional.of(file);
    return this;
  }

  KeySettings timestampFile(Path file) {
    timestamp = Optional.of(file);
    return this;
  }

  KeySettings additionalSignerFile(Path file) {
    additional.add(file);
    return this;
  }

  KeySettings retiredVerifierKey(String text) {
    retired.add(text);
    return this;
  }

  KeySettings verifierKeys(String... texts) {
    verifierKeys.addAll(List.of(texts));
    return this;
  }

  KeySettings demo() {
    demo = true;
    return this;
  }

  LogKeySettings settings() {
    return new LogKeySettings(
        origin, signer, timestamp, additional, retired, verifierKeys, demo, dataDir);
  }

  /** What the producer makes of these settings. */
  LogKeys keys() {
    return LogKeysProducer.keys(settings());
  }

  /** The producer's refusal of these settings; fails the test when it makes keys of them. */
  IllegalStateException refusal() {
    return Assertions.assertThrows(IllegalStateException.class, this::keys);
  }
}
