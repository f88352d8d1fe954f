package org.markproof.service.submission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.StatementKind;
import org.markproof.service.custody.CustodialKeys;

/**
 * Builds a custodial {@code batch.issued} statement (issue 4, "Labels for brand owners"). A body
 * with a {@code labelKey} is used as it is: the issuer holds its label key and signs its labels
 * with contracts' {@code LabelSigner}. A body without one gets the public half of a label key the
 * service generates and holds for that batch and issuer, which {@code POST
 * /v1/batches/{gtin}/{batch}/labels} then signs with.
 *
 * <p>The rest of the body is checked first (with a stand-in key), so that a malformed body never
 * makes a key; and the issuer must be a participant the service signs for. A refused submission
 * leaves its key behind for a retry of the same batch by the same issuer, which then makes the very
 * same entry; nobody else's batch ever gets it, and labels are signed only with the key the
 * ledger's {@code batch.issued} names.
 */
@ApplicationScoped
public class BatchLabelKeys {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  /** A valid public key to check the rest of a body with; never signs, never stored. */
  private static final String STAND_IN = BASE64.encodeToString(standInKey());

  private final StatementBodies bodies;
  private final CustodialKeys keys;

  BatchLabelKeys(StatementBodies bodies, CustodialKeys keys) {
    this.bodies = bodies;
    this.keys = keys;
  }

  /**
   * The {@code batch.issued} statement of {@code body} by {@code issuer}, with a custodial label
   * key when the body names none.
   *
   * @throws SubmissionProblem 400 naming the field at fault, before any key is made
   */
  public Uni<Statement> statement(String issuer, ObjectNode body) {
    if (body.has("labelKey")) {
      return Uni.createFrom()
          .item(bodies.statement(StatementKind.BATCH_ISSUED, issuer, body, Map.of()));
    }
    ObjectNode probe = body.deepCopy();
    probe.put("labelKey", STAND_IN);
    BatchIssued checked =
        (BatchIssued) bodies.statement(StatementKind.BATCH_ISSUED, issuer, probe, Map.of());
    return keys.signingKey(issuer)
        .flatMap(signer -> keys.obtainLabelKey(issuer, checked.gtin().digits(), checked.batch()))
        .map(
            labelKey -> {
              ObjectNode complete = body.deepCopy();
              complete.put("labelKey", BASE64.encodeToString(labelKey.bytes()));
              return bodies.statement(StatementKind.BATCH_ISSUED, issuer, complete, Map.of());
            });
  }

  private static byte[] standInKey() {
    try {
      return Ed25519PrivateKey.fromSeed(new byte[32]).publicKey().bytes();
    } catch (MalformedDataException e) {
      throw new IllegalStateException("32 zero bytes are a valid Ed25519 seed", e);
    }
  }
}
