package org.markproof.service.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * Batches' label keys on the real database: one key per batch and issuer, reused on a retry, bound
 * to its batch and issuer by the seal, and moved to a new master key by a rotation.
 */
@QuarkusTest
class LabelKeyVaultTest {
  private static final String GTIN = "09506000134352";

  @Inject LabelKeyStore store;
  @Inject Pool pool;

  private static String issuer() {
    return "labels-" + UUID.randomUUID();
  }

  @Test
  void keepsOneKeyPerBatchAndIssuerAndAnotherForAnotherIssuer() {
    LabelKeyVault vault =
        vaultUnder(new MasterKeyRing(SeedCipherTest.randomMasterKey(), List.of()));
    String a = issuer();
    String b = issuer();
    Ed25519PublicKey first = vault.obtain(a, GTIN, "L-1").await().indefinitely();
    assertEquals(first, vault.obtain(a, GTIN, "L-1").await().indefinitely());
    assertNotEquals(first, vault.obtain(b, GTIN, "L-1").await().indefinitely());
    assertNotEquals(first, vault.obtain(a, GTIN, "L-2").await().indefinitely());
    assertEquals(
        first, vault.signingKey(a, GTIN, "L-1").await().indefinitely().orElseThrow().publicKey());
    assertTrue(vault.signingKey(issuer(), GTIN, "L-1").await().indefinitely().isEmpty());
  }

  @Test
  void aSealMovedToAnotherBatchDoesNotOpen() {
    LabelKeyVault vault =
        vaultUnder(new MasterKeyRing(SeedCipherTest.randomMasterKey(), List.of()));
    String issuer = issuer();
    vault.obtain(issuer, GTIN, "FROM").await().indefinitely();
    vault.obtain(issuer, GTIN, "TO").await().indefinitely();
    pool.preparedQuery(
            "UPDATE custodial_label_key t SET nonce = f.nonce, sealed_seed = f.sealed_seed"
                + " FROM custodial_label_key f WHERE f.issuer = $1 AND f.batch = 'FROM'"
                + " AND t.issuer = $1 AND t.batch = 'TO'")
        .execute(Tuple.of(issuer))
        .await()
        .indefinitely();
    CustodyUnavailableException e =
        assertThrows(
            CustodyUnavailableException.class,
            () -> vault.signingKey(issuer, GTIN, "TO").await().indefinitely());
    assertTrue(e.getMessage().contains("does not open"), e.getMessage());
  }

  @Test
  void aRotationResealsLabelKeysUnderTheNewMasterKey() {
    MasterKey old = SeedCipherTest.randomMasterKey();
    MasterKey fresh = SeedCipherTest.randomMasterKey();
    String issuer = issuer();
    LabelKeyVault before = vaultUnder(new MasterKeyRing(old, List.of()));
    Ed25519PublicKey held = before.obtain(issuer, GTIN, "ROT-1").await().indefinitely();
    byte[] seed =
        before.signingKey(issuer, GTIN, "ROT-1").await().indefinitely().orElseThrow().seed();

    List<String> unopenable = new ArrayList<>();
    int moved =
        vaultUnder(new MasterKeyRing(fresh, List.of(old)))
            .reencryptAll(unopenable)
            .await()
            .indefinitely();

    assertTrue(moved >= 1, "moved " + moved);
    assertTrue(unopenable.stream().noneMatch(u -> u.contains(issuer)), unopenable.toString());
    assertEquals(fresh.id(), row(issuer, "ROT-1").getString("master_key_id"));
    LabelKeyVault after = vaultUnder(new MasterKeyRing(fresh, List.of()));
    assertArrayEquals(
        seed, after.signingKey(issuer, GTIN, "ROT-1").await().indefinitely().orElseThrow().seed());
    assertEquals(held, after.obtain(issuer, GTIN, "ROT-1").await().indefinitely());
  }

  @Test
  void aRotationListsLabelKeysNoConfiguredMasterKeyOpens() {
    MasterKey lost = SeedCipherTest.randomMasterKey();
    String issuer = issuer();
    vaultUnder(new MasterKeyRing(lost, List.of()))
        .obtain(issuer, GTIN, "LOST")
        .await()
        .indefinitely();

    List<String> unopenable = new ArrayList<>();
    vaultUnder(new MasterKeyRing(SeedCipherTest.randomMasterKey(), List.of()))
        .reencryptAll(unopenable)
        .await()
        .indefinitely();

    assertTrue(
        unopenable.stream()
            .anyMatch(
                u ->
                    u.startsWith("label key of batch " + GTIN + "/LOST issued by " + issuer)
                        && u.endsWith("under master key " + lost.id())),
        unopenable.toString());
    assertEquals(lost.id(), row(issuer, "LOST").getString("master_key_id"));
  }

  /** Keys sealed under throwaway master keys would show as unopenable in later rotations. */
  @AfterEach
  void forgetTheKeysMadeHere() {
    pool.preparedQuery("DELETE FROM custodial_label_key WHERE issuer LIKE 'labels-%'")
        .execute()
        .await()
        .indefinitely();
  }

  private LabelKeyVault vaultUnder(MasterKeyRing ring) {
    return new LabelKeyVault(store, ring, new SecureRandom());
  }

  private Row row(String issuer, String batch) {
    return pool.preparedQuery(
            "SELECT * FROM custodial_label_key WHERE issuer = $1 AND gtin = $2 AND batch = $3")
        .execute(Tuple.of(issuer, GTIN, batch))
        .await()
        .indefinitely()
        .iterator()
        .next();
  }
}
