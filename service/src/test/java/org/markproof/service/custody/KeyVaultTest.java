package org.markproof.service.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * The key vault on the real database: what is stored is sealed, the right master key opens it, a
 * wrong one does not, and a rotation moves keys to the new master key.
 */
@QuarkusTest
class KeyVaultTest {
  @Inject CustodialKeys keys;
  @Inject CustodialKeyStore store;
  @Inject Pool pool;

  private static String participant() {
    return "vault-" + UUID.randomUUID();
  }

  @Test
  void storesTheSeedOnlySealed() {
    String participant = participant();
    KeyVault.HeldKey held = keys.obtain(participant).await().indefinitely();
    assertTrue(held.generated());
    byte[] seed = keys.signingKey(participant).await().indefinitely().seed();

    Row row = row(participant);
    byte[] sealed = row.getBuffer("sealed_seed").getBytes();
    assertEquals(48, sealed.length);
    assertFalse(containsWindow(sealed, seed, 4), "a 4-byte run of the seed is in the ciphertext");
    for (String column : List.of("participant", "key_id", "master_key_id")) {
      String text = row.getString(column);
      assertFalse(
          containsWindow(text.getBytes(StandardCharsets.UTF_8), seed, 4), column + " leaks");
    }
    assertArrayEquals(held.publicKey().bytes(), row.getBuffer("public_key").getBytes());
    assertEquals(held.keyId().value(), row.getString("key_id"));
  }

  @Test
  void signsWithTheKeyItGaveOutAndKeepsOneKeyPerParticipant()
      throws SignatureVerificationException {
    String participant = participant();
    KeyVault.HeldKey first = keys.obtain(participant).await().indefinitely();
    KeyVault.HeldKey second = keys.obtain(participant).await().indefinitely();
    assertEquals(first.keyId(), second.keyId());
    assertFalse(second.generated());

    Ed25519PrivateKey key = keys.signingKey(participant).await().indefinitely();
    byte[] message = "a statement".getBytes(StandardCharsets.UTF_8);
    Ed25519Signatures.verify(first.publicKey(), message, Ed25519Signatures.sign(key, message));
  }

  @Test
  void concurrentFirstRequestsAgreeOnOneKey() {
    String participant = participant();
    KeyVault vault = vaultUnder(configuredRing());
    var a = vault.obtain(participant);
    var b = vault.obtain(participant);
    var both = io.smallrye.mutiny.Uni.combine().all().unis(a, b).asTuple().await().indefinitely();
    assertEquals(both.getItem1().keyId(), both.getItem2().keyId());
    assertNotEquals(both.getItem1().generated(), both.getItem2().generated());
  }

  /**
   * Concurrent enrolments' keys are stored together (one statement for the group): each participant
   * gets its own key, stored as given out, and two requests for one participant within the same
   * group still agree on one.
   */
  @Test
  void concurrentRequestsForManyParticipantsEachGetTheirOwnStoredKey() {
    KeyVault vault = vaultUnder(configuredRing());
    List<String> participants = new java.util.ArrayList<>();
    List<io.smallrye.mutiny.Uni<KeyVault.HeldKey>> requests = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String participant = participant();
      participants.add(participant);
      requests.add(vault.obtain(participant));
      if (i % 10 == 0) {
        participants.add(participant);
        requests.add(vault.obtain(participant));
      }
    }
    List<KeyVault.HeldKey> held =
        io.smallrye.mutiny.Uni.join().all(requests).andFailFast().await().indefinitely();

    java.util.Map<String, KeyVault.HeldKey> generated = new java.util.HashMap<>();
    for (int i = 0; i < held.size(); i++) {
      String participant = participants.get(i);
      KeyVault.HeldKey key = held.get(i);
      assertEquals(key.keyId().value(), row(participant).getString("key_id"), participant);
      assertArrayEquals(
          key.publicKey().bytes(), row(participant).getBuffer("public_key").getBytes());
      if (key.generated()) {
        assertEquals(null, generated.put(participant, key), "two keys made for " + participant);
      }
    }
    assertEquals(40, generated.size());
    assertEquals(
        40, java.util.Set.copyOf(held.stream().map(KeyVault.HeldKey::keyId).toList()).size());
    generated.forEach(
        (participant, key) ->
            store.delete(participant, key.keyId().value()).await().indefinitely());
  }

  @Test
  void answersThatNoKeyIsHeldForAParticipantWithoutOne() {
    String participant = participant();
    CustodialKeyMissingException e =
        assertThrows(
            CustodialKeyMissingException.class,
            () -> keys.signingKey(participant).await().indefinitely());
    assertEquals(participant, e.participant());
  }

  @Test
  void aWrongMasterKeyDoesNotOpenAHeldKey() {
    String participant = participant();
    KeyVault right = vaultUnder(new MasterKeyRing(SeedCipherTest.randomMasterKey(), List.of()));
    right.obtain(participant).await().indefinitely();

    KeyVault wrong = vaultUnder(new MasterKeyRing(SeedCipherTest.randomMasterKey(), List.of()));
    CustodyUnavailableException e =
        assertThrows(
            CustodyUnavailableException.class,
            () -> wrong.signingKey(participant).await().indefinitely());
    assertTrue(e.getMessage().contains("previous-master-key-files"), e.getMessage());
    store.delete(participant, row(participant).getString("key_id")).await().indefinitely();
  }

  @Test
  void aRotationResealsEveryKeyUnderTheNewMasterKey() {
    MasterKey old = SeedCipherTest.randomMasterKey();
    MasterKey fresh = SeedCipherTest.randomMasterKey();
    String p1 = participant();
    String p2 = participant();
    KeyVault before = vaultUnder(new MasterKeyRing(old, List.of()));
    KeyVault.HeldKey k1 = before.obtain(p1).await().indefinitely();
    KeyVault.HeldKey k2 = before.obtain(p2).await().indefinitely();
    byte[] sealedBefore = row(p1).getBuffer("sealed_seed").getBytes();
    byte[] seedBefore = before.signingKey(p1).await().indefinitely().orElseThrow().seed();

    Rotation rotation =
        vaultUnder(new MasterKeyRing(fresh, List.of(old))).reencryptAll().await().indefinitely();

    assertEquals(fresh.id(), rotation.masterKeyId());
    assertTrue(rotation.reencrypted() >= 2, rotation.toString());
    assertFalse(rotation.unopenable().stream().anyMatch(u -> u.startsWith(p1)));
    assertEquals(fresh.id(), row(p1).getString("master_key_id"));
    assertEquals(fresh.id(), row(p2).getString("master_key_id"));
    assertFalse(java.util.Arrays.equals(sealedBefore, row(p1).getBuffer("sealed_seed").getBytes()));

    KeyVault after = vaultUnder(new MasterKeyRing(fresh, List.of()));
    assertArrayEquals(seedBefore, after.signingKey(p1).await().indefinitely().orElseThrow().seed());
    assertArrayEquals(
        k2.publicKey().bytes(),
        after.signingKey(p2).await().indefinitely().orElseThrow().publicKey().bytes());
    assertThrows(
        CustodyUnavailableException.class,
        () -> before.signingKey(p1).await().indefinitely(),
        "the old master key alone no longer opens a moved key");

    Rotation again =
        vaultUnder(new MasterKeyRing(fresh, List.of(old))).reencryptAll().await().indefinitely();
    assertFalse(again.unopenable().stream().anyMatch(u -> u.startsWith(p1) || u.startsWith(p2)));
    store.delete(p1, k1.keyId().value()).await().indefinitely();
    store.delete(p2, k2.keyId().value()).await().indefinitely();
  }

  @Test
  void aRotationLeavesKeysNoConfiguredMasterKeyOpensAndListsThem() {
    MasterKey lost = SeedCipherTest.randomMasterKey();
    String participant = participant();
    KeyVault.HeldKey held =
        vaultUnder(new MasterKeyRing(lost, List.of())).obtain(participant).await().indefinitely();
    byte[] sealedBefore = row(participant).getBuffer("sealed_seed").getBytes();

    Rotation rotation =
        vaultUnder(new MasterKeyRing(SeedCipherTest.randomMasterKey(), List.of()))
            .reencryptAll()
            .await()
            .indefinitely();

    assertTrue(
        rotation
            .unopenable()
            .contains(participant + " (" + held.keyId() + ") under master key " + lost.id()),
        rotation.toString());
    assertArrayEquals(sealedBefore, row(participant).getBuffer("sealed_seed").getBytes());
    store.delete(participant, held.keyId().value()).await().indefinitely();
  }

  private KeyVault vaultUnder(MasterKeyRing ring) {
    return new KeyVault(store, ring, new SecureRandom());
  }

  private static MasterKeyRing configuredRing() {
    try {
      return new MasterKeyRing(
          MasterKeyFiles.read(java.nio.file.Path.of("src/test/resources/custody/test-master.key")),
          List.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Row row(String participant) {
    return pool.preparedQuery("SELECT * FROM custodial_key WHERE participant = $1")
        .execute(Tuple.of(participant))
        .await()
        .indefinitely()
        .iterator()
        .next();
  }

  /** Whether any {@code width}-byte run of {@code needle} occurs in {@code haystack}. */
  private static boolean containsWindow(byte[] haystack, byte[] needle, int width) {
    for (int n = 0; n + width <= needle.length; n++) {
      for (int h = 0; h + width <= haystack.length; h++) {
        boolean match = true;
        for (int i = 0; i < width && match; i++) {
          match = haystack[h + i] == needle[n + i];
        }
        if (match) {
          return true;
        }
      }
    }
    return false;
  }
}
