package org.markproof.service.labels;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.rules.BatchRecord;
import org.markproof.service.custody.CustodialKeys;
import org.markproof.service.log.index.LedgerView;

/**
 * Signs a batch's labels for its issuer (issue 4, "Labels for brand owners"): finds the batch in
 * the verified ledger, checks the caller issued it, opens the label key the service holds for it
 * and signs each serial with contracts' {@link LabelSigner}, so that the labels verify exactly as
 * those an issuer signs with its own key ({@code LabelVerifier} against the {@code labelKey} of the
 * batch's {@code batch.issued} entry).
 */
@ApplicationScoped
public class LabelService {
  private final LedgerView ledger;
  private final CustodialKeys keys;
  private final SerialGenerator serials;
  private final String defaultResolver;

  LabelService(
      LedgerView ledger,
      CustodialKeys keys,
      @ConfigProperty(name = "markproof.labels.resolver") String defaultResolver) {
    this.ledger = ledger;
    this.keys = keys;
    this.serials = new SerialGenerator(new SecureRandom());
    this.defaultResolver = defaultResolver;
  }

  /** The resolver base for requests that name none ({@code markproof.labels.resolver}). */
  String defaultResolver() {
    return defaultResolver;
  }

  /**
   * The label key of batch {@code batch} of {@code gtinText} for {@code caller}.
   *
   * @throws LabelProblem 404 if the ledger holds no such batch issued by {@code caller} (whether
   *     the batch is unknown or someone else's is not told apart), 409 if the batch is revoked or
   *     its issuer holds the label key itself
   */
  Uni<IssuedBatch> batchOf(String caller, String gtinText, String batch) {
    Optional<Gtin> gtin = parse(gtinText);
    Optional<BatchRecord> record =
        gtin.flatMap(g -> ledger.snapshot().state().batch(g, batch))
            .filter(r -> r.issuer().equals(caller));
    if (record.isEmpty()) {
      return Uni.createFrom()
          .failure(
              new LabelProblem(
                  ProblemCode.NOT_FOUND,
                  "the log holds no batch " + batch + " of GTIN " + gtinText + " issued by you",
                  List.of(),
                  "a batch is found once the log has sequenced its batch.issued entry"
                      + " (POST /v1/batches?wait=true answers then)"));
    }
    BatchRecord found = record.get();
    if (found.revocation().isPresent()) {
      return Uni.createFrom()
          .failure(
              new LabelProblem(
                  ProblemCode.CONFLICT,
                  "batch " + batch + " of GTIN " + gtinText + " is revoked; its labels are void",
                  List.of(),
                  null));
    }
    return keys.labelSigningKey(caller, gtin.get().digits(), batch)
        .map(
            key -> {
              if (key.isEmpty() || !key.get().publicKey().equals(found.labelKey())) {
                throw selfHeld(gtinText, batch);
              }
              return new IssuedBatch(gtin.get(), batch, key.get());
            });
  }

  /**
   * Signs the labels {@code request} asks for: its serials, or {@code count} fresh random ones
   * ({@link SerialGenerator}). CPU-bound: call it off the event loop.
   */
  LabelSet sign(IssuedBatch batch, LabelRequest request) {
    List<String> toSign =
        request.count().isPresent() ? serials.next(request.count().get()) : request.serials();
    try {
      LabelSigner signer = LabelSigner.forResolver(request.resolver());
      List<DigitalLink> links = new ArrayList<>(toSign.size());
      for (String serial : toSign) {
        links.add(signer.sign(batch.labelKey(), batch.gtin(), batch.batch(), serial));
      }
      return new LabelSet(batch.gtin(), batch.batch(), links);
    } catch (MalformedDataException e) {
      throw new IllegalStateException("request fields are checked before signing", e);
    }
  }

  /** A batch of the caller's, with the label key the service holds for it. */
  record IssuedBatch(Gtin gtin, String batch, Ed25519PrivateKey labelKey) {}

  private static LabelProblem selfHeld(String gtin, String batch) {
    return new LabelProblem(
        ProblemCode.LABEL_KEY_SELF_HELD,
        "the service holds no label key for batch "
            + batch
            + " of GTIN "
            + gtin
            + ": its batch.issued names a label key the issuer holds",
        List.of(),
        "sign the labels yourself with contracts' LabelSigner:"
            + " LabelSigner.forResolver(base).sign(labelKey, gtin, batch, serial); they verify the"
            + " same way. To have the service hold a batch's label key, issue the batch with"
            + " POST /v1/batches without a labelKey");
  }

  private static Optional<Gtin> parse(String text) {
    try {
      return Optional.of(Gtin.parse(text));
    } catch (MalformedDataException e) {
      return Optional.empty();
    }
  }
}
