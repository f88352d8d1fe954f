package org.markproof.service.log.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration {@link LogKeysProducer} makes the log's keys from (docs/operations.md, "Secrets
 * and configuration").
 *
 * @param origin {@code markproof.log.origin}; unset: the signer key's name, else the first verifier
 *     key's, else {@link LogKeysProducer#DEFAULT_ORIGIN}
 * @param signerKeyFile {@code markproof.log.signer-key-file}
 * @param timestampKeyFile {@code markproof.log.timestamp-key-file}
 * @param additionalSignerKeyFiles {@code markproof.log.additional-signer-key-files}
 * @param retiredVerifierKeys {@code markproof.log.retired-verifier-keys}, verifier key texts
 * @param verifierKeys {@code markproof.log.verifier-keys}, verifier key texts: without a signer key
 *     the service is verifier-only; with one, the signer's verifier key must be among them
 * @param demo {@code markproof.demo}
 * @param dataDir {@code markproof.data-dir}, where keys are generated when none is configured
 */
record LogKeySettings(
    Optional<String> origin,
    Optional<Path> signerKeyFile,
    Optional<Path> timestampKeyFile,
    List<Path> additionalSignerKeyFiles,
    List<String> retiredVerifierKeys,
    List<String> verifierKeys,
    boolean demo,
    Path dataDir) {
  LogKeySettings {
    additionalSignerKeyFiles = List.copyOf(additionalSignerKeyFiles);
    retiredVerifierKeys = List.copyOf(retiredVerifierKeys);
    verifierKeys = List.copyOf(verifierKeys);
  }
}
