package org.markproof.service.custody;

import io.smallrye.mutiny.Uni;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.KeyId;

/**
 * Batches' label keys held by the service (issue 4, "Labels for brand owners"): generated when a
 * custodial brand owner issues a batch without a {@code labelKey}, stored sealed ({@link
 * SeedCipher#sealLabelSeed}) under the current master key of a {@link MasterKeyRing}, and opened
 * only to sign labels. One key per batch and issuer; a retried issue reuses it, so that the retried
 * statement, and with it the signed entry (RFC 8032 §5.1.6), is the very same.
 *
 * <p>Not a bean itself: {@link CustodialKeys} builds one from configuration.
 */
public final class LabelKeyVault {
  private static final int ROTATION_PAGE = 100;

  private final LabelKeyStore store;
  private final MasterKeyRing ring;
  private final SeedCipher cipher;
  private final SecureRandom random;

  public LabelKeyVault(LabelKeyStore store, MasterKeyRing ring, SecureRandom random) {
    this.store = store;
    this.ring = ring;
    this.cipher = new SeedCipher(random);
    this.random = random;
  }

  /**
   * The public label key held for batch {@code batch} of {@code gtin} (GTIN-14 digits) issued by
   * {@code issuer}; when there is none, a new key generated, sealed and stored. Two concurrent
   * calls agree on one key.
   */
  public Uni<Ed25519PublicKey> obtain(String issuer, String gtin, String batch) {
    return store
        .find(issuer, gtin, batch)
        .flatMap(
            existing -> {
              if (existing.isPresent()) {
                return Uni.createFrom().item(publicKey(existing.get()));
              }
              StoredLabelKey fresh = generate(issuer, gtin, batch);
              return store
                  .insertIfAbsent(fresh)
                  .flatMap(
                      stored ->
                          stored
                              ? Uni.createFrom().item(publicKey(fresh))
                              : store
                                  .find(issuer, gtin, batch)
                                  .map(k -> publicKey(k.orElseThrow())));
            });
  }

  /**
   * Opens the label key held for the batch and issuer, to sign labels with.
   *
   * @return empty if none is held
   * @throws CustodyUnavailableException (as the Uni's failure) if no configured master key opens it
   */
  public Uni<Optional<Ed25519PrivateKey>> signingKey(String issuer, String gtin, String batch) {
    return store.find(issuer, gtin, batch).map(found -> found.map(this::open));
  }

  /**
   * Moves every held label key to the current master key, as {@link KeyVault#reencryptAll()} does
   * for participants' keys; keys no configured master key opens are described in {@code
   * unopenable}.
   *
   * @return how many keys this call moved
   */
  public Uni<Integer> reencryptAll(List<String> unopenable) {
    return page(null, 0, unopenable);
  }

  private Uni<Integer> page(StoredLabelKey after, int moved, List<String> unopenable) {
    String current = ring.current().id();
    return store
        .notSealedUnder(current, after, ROTATION_PAGE)
        .flatMap(
            keys -> {
              if (keys.isEmpty()) {
                return Uni.createFrom().item(moved);
              }
              Uni<Integer> resealed = Uni.createFrom().item(0);
              for (StoredLabelKey key : keys) {
                Optional<SealedSeed> next = reseal(key);
                if (next.isEmpty()) {
                  unopenable.add(
                      key.describe() + " under master key " + key.sealed().masterKeyId());
                  continue;
                }
                resealed =
                    resealed.flatMap(
                        n -> store.reseal(key, next.get()).map(done -> done ? n + 1 : n));
              }
              StoredLabelKey last = keys.get(keys.size() - 1);
              return resealed.flatMap(n -> page(last, moved + n, unopenable));
            });
  }

  private Optional<SealedSeed> reseal(StoredLabelKey key) {
    Optional<MasterKey> previous = ring.byId(key.sealed().masterKeyId());
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    byte[] seed;
    try {
      seed = openSeed(previous.get(), key);
    } catch (SealedSeedException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          cipher.sealLabelSeed(
              ring.current(), key.issuer(), key.gtin(), key.batch(), key.keyId(), seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private StoredLabelKey generate(String issuer, String gtin, String batch) {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    String keyId = KeyId.of(key.publicKey()).value();
    byte[] seed = key.seed();
    try {
      SealedSeed sealed = cipher.sealLabelSeed(ring.current(), issuer, gtin, batch, keyId, seed);
      return new StoredLabelKey(issuer, gtin, batch, keyId, key.publicKey().bytes(), sealed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private Ed25519PrivateKey open(StoredLabelKey key) {
    return SealedKeys.open(
        ring,
        key.sealed().masterKeyId(),
        key.keyId(),
        "the " + key.describe(),
        master -> openSeed(master, key));
  }

  private byte[] openSeed(MasterKey master, StoredLabelKey key) throws SealedSeedException {
    return cipher.openLabelSeed(
        master, key.issuer(), key.gtin(), key.batch(), key.keyId(), key.sealed());
  }

  private static Ed25519PublicKey publicKey(StoredLabelKey key) {
    try {
      return Ed25519PublicKey.of(key.publicKey());
    } catch (MalformedDataException e) {
      throw new CustodyUnavailableException(
          "the public half of the " + key.describe() + " is not an Ed25519 key");
    }
  }
}
