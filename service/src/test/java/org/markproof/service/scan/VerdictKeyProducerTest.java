package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.note.Ed25519NoteSigner;

/** The previous verdict keys a rotated service publishes next to its current one. */
class VerdictKeyProducerTest {
  private static final String NAME = "verdicts.test/log/verdict";

  @Test
  void publishesThePreviousKeysInOrderAndNotTheCurrentOneAmongThem() throws Exception {
    Ed25519NoteSigner current = Ed25519NoteSigner.generate(NAME, new SecureRandom());
    String older = text(Ed25519NoteSigner.generate(NAME, new SecureRandom()));
    String old = text(Ed25519NoteSigner.generate(NAME, new SecureRandom()));

    VerdictKey key =
        VerdictKeyProducer.withPrevious(current, List.of(old, " " + older, text(current)));

    assertEquals(text(current), key.verifierKeyText());
    assertEquals(List.of(old, older), key.previousKeyTexts());
  }

  @Test
  void refusesAMalformedOrRepeatedPreviousKeyNamingTheSetting() throws Exception {
    Ed25519NoteSigner current = Ed25519NoteSigner.generate(NAME, new SecureRandom());
    String old = text(Ed25519NoteSigner.generate(NAME, new SecureRandom()));
    for (List<String> previous : List.of(List.of("PRIVATE+KEY+nope"), List.of(old, old))) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> VerdictKeyProducer.withPrevious(current, previous));
      assertTrue(e.getMessage().contains("markproof.scan.previous-verdict-keys"), e.getMessage());
    }
  }

  private static String text(Ed25519NoteSigner signer) {
    return signer.verifier().verifierKey().text();
  }
}
