package org.markproof.service.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;
import org.markproof.service.testing.LedgerFixture;

/**
 * {@link SignatureBatches} on real entries, a real rules state and real Ed25519: every submission
 * is let through, the good signatures are remembered, a forged one or one whose key the state does
 * not know is not, and concurrent submissions share batches.
 */
class SignatureBatchesTest {
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static LedgerState stateWith(String... registrars) throws Exception {
    LedgerState state = Rules.apply(LedgerState.empty(), LedgerFixture.genesis(), T);
    for (String registrar : registrars) {
      state = Rules.apply(state, LedgerFixture.enrolRegistrar(registrar, "EM"), T);
    }
    return state;
  }

  private static SignedEntry forged(SignedEntry entry) throws Exception {
    String json = new String(entry.encoded(), java.nio.charset.StandardCharsets.UTF_8);
    byte[] signature = entry.signature();
    signature[40] ^= 1;
    String forgedJson =
        json.replace(
            Base64.getEncoder().encodeToString(entry.signature()),
            Base64.getEncoder().encodeToString(signature));
    return SignedEntry.parseCanonical(forgedJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void concurrentSubmissionsAreVerifiedTogetherAndOnlyGoodSignaturesRemembered() throws Exception {
    String registrar = LedgerFixture.freshId("ipo-em");
    String stranger = LedgerFixture.freshId("ipo-em");
    LedgerState state = stateWith(registrar);
    VerifiedSignatures memo = new VerifiedSignatures(1 << 22);
    AtomicInteger batches = new AtomicInteger();
    // Drainers are held until every submission waits, so that they meet in batches.
    List<Runnable> held = new ArrayList<>();
    SignatureBatches verifier =
        new SignatureBatches(
            () -> {
              batches.incrementAndGet();
              return state;
            },
            memo,
            held::add,
            2);

    List<SignedEntry> entries = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      entries.add(LedgerFixture.recordMark(registrar, "EM", "brand-" + i));
    }
    SignedEntry forged = forged(entries.get(17));
    SignedEntry unknownKey = LedgerFixture.recordMark(stranger, "EM", "brand-x");
    entries.add(forged);
    entries.add(unknownKey);

    List<Uni<Void>> verified = new ArrayList<>();
    for (SignedEntry entry : entries) {
      verified.add(verifier.verify(entry));
    }
    assertEquals(2, held.size(), "at most two drainers");
    held.forEach(pool::execute);
    for (Uni<Void> each : verified) {
      each.await().atMost(Duration.ofSeconds(60));
    }

    // A newer digest may take an older one's slot: with 100 in 2^22 slots, even two such are a
    // one-in-a-million chance.
    int remembered = 0;
    for (int i = 0; i < 100; i++) {
      SignedEntry e = entries.get(i);
      if (memo.remembers(
          LedgerFixture.key(registrar).publicKey(), e.statementBytes(), e.signature())) {
        remembered++;
      }
    }
    assertTrue(remembered >= 98, "good signatures remembered: " + remembered + " of 100");
    assertFalse(
        memo.remembers(
            LedgerFixture.key(registrar).publicKey(), forged.statementBytes(), forged.signature()),
        "the forged signature");
    assertFalse(
        memo.remembers(
            LedgerFixture.key(stranger).publicKey(),
            unknownKey.statementBytes(),
            unknownKey.signature()),
        "a key the state does not know");
    assertTrue(
        batches.get() <= 20,
        "102 waiting submissions in a few batches (the first of 51), got " + batches.get());
  }

  @Test
  void aSubmissionAloneIsVerifiedWithoutWaitingForCompany() throws Exception {
    String registrar = LedgerFixture.freshId("ipo-em");
    LedgerState state = stateWith(registrar);
    VerifiedSignatures memo = new VerifiedSignatures(1 << 8);
    SignatureBatches verifier = new SignatureBatches(() -> state, memo, pool, 2);
    SignedEntry entry = LedgerFixture.recordMark(registrar, "EM", "brand-alone");

    verifier.verify(entry).await().atMost(Duration.ofSeconds(30));

    assertTrue(
        memo.remembers(
            LedgerFixture.key(registrar).publicKey(), entry.statementBytes(), entry.signature()));
  }
}
