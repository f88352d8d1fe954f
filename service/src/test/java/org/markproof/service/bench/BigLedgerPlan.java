package org.markproof.service.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.RevocationReason;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.label.Gtin;

/**
 * The big ledger of issue 4's scan benchmark, as a pure function of a seed and a batch count, so
 * that the loader ({@link BigLedgerLoader}) and the load generator ({@link BigScanPayloads}) agree
 * without sharing a file: batch {@code n} is {@code BL<n>} of the demo holder's product, issued by
 * the demo holder with {@value #SERIALS} serials {@code SER0..SER9} and its own label key, derived
 * from the seed. One batch in {@value #EVERY} is revoked whole, and another loses half its serials.
 */
final class BigLedgerPlan {
  /** The demo holder ({@code DemoScenario.HOLDER}) and its product ({@code HOLDER_GTIN}). */
  static final String ISSUER = "acme";

  static final Gtin GTIN = Gtin.of("09506000134352");

  /** The demo holder's resolver ({@code DemoScenario.RESOLVER}). */
  static final String RESOLVER = "https://id.acme.example";

  static final int SERIALS = 10;

  /** Revocations come once per this many batches. */
  static final int EVERY = 1000;

  private static final int BATCH_REVOKED_AT = 500;
  private static final int SERIALS_REVOKED_AT = 250;
  private static final int REVOKED_SERIALS = SERIALS / 2;

  private final String seed;
  private final int batches;

  BigLedgerPlan(String seed, int batches) {
    this.seed = seed;
    this.batches = batches;
  }

  int batches() {
    return batches;
  }

  static String batch(int n) {
    return String.format("BL%07d", n);
  }

  static String serial(int s) {
    return "SER" + s;
  }

  /** Batch {@code n}'s label key: its seed is SHA-256 of the plan's seed and {@code n}. */
  Ed25519PrivateKey labelKey(int n) {
    byte[] keySeed =
        Sha256.hash(
            ("markproof-bench/label-key\n" + seed + "\n" + n).getBytes(StandardCharsets.UTF_8));
    try {
      return Ed25519PrivateKey.fromSeed(keySeed);
    } catch (MalformedDataException e) {
      throw new IllegalStateException("a 32-byte seed is always a key", e);
    }
  }

  BatchIssued issue(int n, LocalDate issueDate) {
    return new BatchIssued(ISSUER, GTIN, batch(n), SERIALS, labelKey(n).publicKey(), issueDate);
  }

  boolean batchRevoked(int n) {
    return n % EVERY == BATCH_REVOKED_AT;
  }

  boolean serialRevoked(int n, int s) {
    return n % EVERY == SERIALS_REVOKED_AT && s < REVOKED_SERIALS;
  }

  /** The revocations, after every batch is issued: whole batches, then serials. */
  List<Statement> revocations() {
    List<Statement> out = new ArrayList<>();
    for (int n = BATCH_REVOKED_AT; n < batches; n += EVERY) {
      out.add(new BatchRevoked(ISSUER, GTIN, batch(n), RevocationReason.RECALL));
    }
    List<String> serials = new ArrayList<>();
    for (int s = 0; s < REVOKED_SERIALS; s++) {
      serials.add(serial(s));
    }
    for (int n = SERIALS_REVOKED_AT; n < batches; n += EVERY) {
      out.add(new LabelRevoked(ISSUER, GTIN, batch(n), serials, RevocationReason.STOLEN));
    }
    return out;
  }
}
