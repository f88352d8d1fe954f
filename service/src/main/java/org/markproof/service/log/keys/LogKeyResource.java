package org.markproof.service.log.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/log/key}: the keys that verify this log's checkpoints and receipts. Public. */
@Path("/v1/log/key")
public class LogKeyResource {
  @Inject LogKeys keys;

  /**
   * The log's verifier keys in the c2sp.org/signed-note text form {@code <name>+<hex
   * id>+<base64(type ‖ key)>}.
   *
   * @param origin the checkpoint origin line
   * @param checkpointVerifierKey the primary key of the log's checkpoint signatures (type 0x01),
   *     named after the origin
   * @param additionalVerifierKeys the keys that sign every checkpoint too during a key rotation:
   *     same name, other key ids (empty outside a rotation)
   * @param retiredVerifierKeys keys that signed this log's checkpoints before a rotation and sign
   *     no new ones: they open old checkpoints and the evidence made with them
   * @param timestampVerifierKey the key of the log's own tlog-cosignature/v1 timestamps on its
   *     checkpoints and of submission receipts (type 0x04); null on a verifier-only service
   *     configured without it
   * @param mode {@code signing}, or {@code verifier-only} for a service that holds the verifier
   *     keys alone, signs nothing and accepts no submissions (docs/operations.md "Restore drill")
   */
  public record LogKeyInfo(
      String origin,
      String checkpointVerifierKey,
      List<String> additionalVerifierKeys,
      List<String> retiredVerifierKeys,
      String timestampVerifierKey,
      String mode) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public LogKeyInfo key() {
    return new LogKeyInfo(
        keys.origin(),
        keys.checkpointVerifier().verifierKey().text(),
        LogKeysProducer.texts(keys.additionalVerifiers()),
        LogKeysProducer.texts(keys.retiredVerifiers()),
        keys.knownTimestampVerifier().map(k -> k.verifierKey().text()).orElse(null),
        keys.mode());
  }
}
