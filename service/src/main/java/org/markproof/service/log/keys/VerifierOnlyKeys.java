package org.markproof.service.log.keys;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.markproof.contracts.note.NoteVerifier;
import org.markproof.contracts.note.VerifierKey;

/**
 * {@code markproof.log.verifier-keys}: the log's public keys in the text form {@code GET
 * /v1/log/key} answers. Alone they make a verifier-only service, one that serves and verifies a
 * copy of the log without any key that could sign for it (docs/operations.md "Restore drill"); next
 * to a signer key file they pin which log the service may sign for.
 */
final class VerifierOnlyKeys {
  private static final Logger LOG = Logger.getLogger(VerifierOnlyKeys.class);

  private VerifierOnlyKeys() {}

  /**
   * The verifier-only keys: the listed Ed25519 note keys (type 0x01) are the checkpoint keys, the
   * first one published as the primary; at most one tlog-cosignature key (type 0x04) is the
   * timestamp key's verifier; {@code retired} open older checkpoints as on a signing service. The
   * origin is {@code markproof.log.origin} or the first checkpoint key's name.
   *
   * @throws IllegalStateException if a setting that signs or makes keys is configured too (the
   *     timestamp key file, additional signer key files, demo mode), or the list names no
   *     checkpoint key or two timestamp keys
   * @throws IllegalArgumentException if the keys do not fit the origin ({@link
   *     LogKeys#verifierOnly})
   */
  static LogKeys of(LogKeySettings settings, List<VerifierKey> listed, List<VerifierKey> retired) {
    List<String> conflicting = new ArrayList<>();
    settings.timestampKeyFile().ifPresent(f -> conflicting.add("markproof.log.timestamp-key-file"));
    if (!settings.additionalSignerKeyFiles().isEmpty()) {
      conflicting.add("markproof.log.additional-signer-key-files");
    }
    if (settings.demo()) {
      conflicting.add("markproof.demo=true (it seeds a ledger through submissions)");
    }
    if (!conflicting.isEmpty()) {
      throw new IllegalStateException(
          LogKeysProducer.VERIFIER_KEYS
              + " without markproof.log.signer-key-file makes a verifier-only service, which signs"
              + " nothing as the log; remove "
              + String.join(", ", conflicting)
              + ", or configure the signer key file too");
    }
    List<VerifierKey> checkpointKeys =
        listed.stream().filter(k -> k.type() == VerifierKey.TYPE_ED25519).toList();
    List<VerifierKey> timestampKeys =
        listed.stream().filter(k -> k.type() == VerifierKey.TYPE_COSIGNATURE).toList();
    if (checkpointKeys.isEmpty() || timestampKeys.size() > 1) {
      throw new IllegalStateException(
          LogKeysProducer.VERIFIER_KEYS
              + " must name the log's checkpoint verifier key (checkpointVerifierKey of GET"
              + " /v1/log/key) and at most one timestamp verifier key; it names "
              + checkpointKeys.size()
              + " checkpoint and "
              + timestampKeys.size()
              + " timestamp keys");
    }
    String origin = settings.origin().orElse(checkpointKeys.get(0).name());
    LogKeys keys =
        LogKeys.verifierOnly(origin, checkpointKeys, retired, timestampKeys.stream().findFirst());
    LOG.infof(
        "Verifier-only: this service holds no signer key of %s and signs nothing as the log (no"
            + " sequencer, no checkpoints, no receipts; submissions answer 503 log-read-only);"
            + " stored checkpoints open with %s%s%s",
        origin,
        LogKeysProducer.texts(allCheckpointVerifiers(keys)),
        keys.retiredVerifiers().isEmpty()
            ? ""
            : " and the retired keys " + LogKeysProducer.texts(keys.retiredVerifiers()),
        keys.knownTimestampVerifier()
            .map(t -> ", timestamps with " + t.verifierKey().text())
            .orElse(", timestamp cosignatures unchecked (no timestamp verifier key listed)"));
    return keys;
  }

  /**
   * Checks a signing service's keys against the list: the primary signer's verifier key must be
   * listed (a signer key file holding another key would start another log under the origin), and
   * every listed key must be one of its checkpoint keys or its timestamp key. An empty list pins
   * nothing.
   *
   * @throws IllegalStateException naming the key that does not fit
   */
  static void requirePinned(LogKeys keys, List<VerifierKey> listed) {
    if (listed.isEmpty()) {
      return;
    }
    VerifierKey signer = keys.checkpointVerifier().verifierKey();
    if (!listed.contains(signer)) {
      throw new IllegalStateException(
          "the signer key file holds "
              + signer.text()
              + ", which is not among "
              + LogKeysProducer.VERIFIER_KEYS
              + ": it is not this log's key. Fix the key file or the list; for a verifier-only"
              + " service, remove markproof.log.signer-key-file and"
              + " markproof.log.timestamp-key-file");
    }
    List<NoteVerifier> known = new ArrayList<>(allCheckpointVerifiers(keys));
    known.addAll(keys.retiredVerifiers());
    keys.knownTimestampVerifier().ifPresent(known::add);
    for (VerifierKey key : listed) {
      if (known.stream().noneMatch(k -> k.verifierKey().equals(key))) {
        throw new IllegalStateException(
            LogKeysProducer.VERIFIER_KEYS
                + " lists "
                + key.text()
                + ", which is neither a checkpoint key (primary, additional or retired) nor the"
                + " timestamp key this service is configured with");
      }
    }
  }

  private static List<NoteVerifier> allCheckpointVerifiers(LogKeys keys) {
    List<NoteVerifier> all = new ArrayList<>();
    all.add(keys.checkpointVerifier());
    all.addAll(keys.additionalVerifiers());
    return all;
  }
}
