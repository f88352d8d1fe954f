package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.scan.VerdictKeyFile;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import picocli.CommandLine.Option;

/**
 * The options of the commands that give verdicts at the post ({@code scan}, {@code serve}): the
 * freshness limit and the post's verdict key, and the scanner they make.
 */
final class VerdictOptions {
  @Option(
      names = "--max-age",
      paramLabel = "DURATION",
      converter = Durations.class,
      defaultValue = "48h",
      description = "Age of the cache past which verdicts are STALE (default ${DEFAULT-VALUE})")
  Duration maxAge;

  @Option(
      names = "--verdict-key-file",
      paramLabel = "FILE",
      description = "The post's verdict signer key (default: <store>.verdict.key, made once)")
  Path verdictKeyFile;

  /** The post's verdict key: the file given, or the one beside the store (made once). */
  Ed25519NoteSigner key(EdgeStore edge, PostProfile at) throws IOException, MalformedDataException {
    Path file = verdictKeyFile != null ? verdictKeyFile : VerdictKeyFile.besideStore(edge.file());
    return VerdictKeyFile.readOrGenerate(file, at.postId(), new SecureRandom());
  }

  /** The scanner of {@code edge} signing with {@code key}, STALE past {@code --max-age}. */
  OfflineScanner scanner(EdgeStore edge, Ed25519NoteSigner key) {
    return OfflineScanner.of(edge, key, maxAge);
  }
}
