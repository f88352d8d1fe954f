package org.markproof.service.custody;

import io.smallrye.mutiny.Uni;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.KeyId;

/**
 * Participants' Ed25519 keys held by the service (issue 3, "Custodial signing"): generated here,
 * stored sealed ({@link SeedCipher}) under the current master key of a {@link MasterKeyRing}, and
 * opened only to sign. A clear seed lives in memory only, inside an {@link Ed25519PrivateKey}, and
 * is never logged or returned to a client.
 *
 * <p>Not a bean itself: {@link CustodialKeys} builds one from configuration; tests build others
 * with their own master keys over the same store.
 */
public final class KeyVault {
  private static final int ROTATION_PAGE = 100;

  private final CustodialKeyStore store;
  private final MasterKeyRing ring;
  private final SeedCipher cipher;
  private final SecureRandom random;

  public KeyVault(CustodialKeyStore store, MasterKeyRing ring, SecureRandom random) {
    this.store = store;
    this.ring = ring;
    this.cipher = new SeedCipher(random);
    this.random = random;
  }

  /** A key held for a participant, and whether this call generated it. */
  public record HeldKey(Ed25519PublicKey publicKey, KeyId keyId, boolean generated) {}

  /**
   * The key held for {@code participant}; when there is none, a new one generated, sealed and
   * stored. Two concurrent calls for one participant agree on one key.
   *
   * <p>A new key is made and offered first, without looking for one: an enrolment asks for a key
   * for a participant that has none, and the store's insert answers whether one was already held,
   * in which case that one is read and the new one forgotten.
   */
  public Uni<HeldKey> obtain(String participant) {
    StoredKey fresh = generate(participant);
    return store
        .insertIfAbsent(fresh)
        .flatMap(
            stored ->
                stored
                    ? Uni.createFrom().item(held(fresh, true))
                    : store.find(participant).map(k -> held(k.orElseThrow(), false)));
  }

  /**
   * Opens the key held for {@code participant}, to sign with.
   *
   * @return empty if no key is held for it
   * @throws CustodyUnavailableException (as the Uni's failure) if no configured master key opens it
   */
  public Uni<Optional<Ed25519PrivateKey>> signingKey(String participant) {
    return store.find(participant).map(found -> found.map(this::open));
  }

  /** Forgets the key {@code keyId} of {@code participant}; whether it was held. */
  public Uni<Boolean> discard(String participant, KeyId keyId) {
    return store.delete(participant, keyId.value());
  }

  /**
   * Moves every held key to the current master key: opens each key sealed under another (a previous
   * key of the ring), seals it anew under the current one with a fresh nonce, and replaces the row
   * if nobody changed it meanwhile. Keys no configured master key opens stay as they are and are
   * listed in the result. Safe to run again, and on several replicas at once.
   */
  public Uni<Rotation> reencryptAll() {
    return page("", 0, new ArrayList<>());
  }

  private Uni<Rotation> page(String after, int moved, List<String> unopenable) {
    String current = ring.current().id();
    return store
        .notSealedUnder(current, after, ROTATION_PAGE)
        .flatMap(
            keys -> {
              if (keys.isEmpty()) {
                return Uni.createFrom().item(new Rotation(current, moved, unopenable));
              }
              Uni<Integer> resealed = Uni.createFrom().item(0);
              for (StoredKey key : keys) {
                Optional<SealedSeed> next = reseal(key);
                if (next.isEmpty()) {
                  unopenable.add(
                      key.participant()
                          + " ("
                          + key.keyId()
                          + ") under master key "
                          + key.sealed().masterKeyId());
                  continue;
                }
                resealed =
                    resealed.flatMap(
                        n -> store.reseal(key, next.get()).map(done -> done ? n + 1 : n));
              }
              String last = keys.get(keys.size() - 1).participant();
              return resealed.flatMap(n -> page(last, moved + n, unopenable));
            });
  }

  private Optional<SealedSeed> reseal(StoredKey key) {
    Optional<MasterKey> previous = ring.byId(key.sealed().masterKeyId());
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    byte[] seed;
    try {
      seed = cipher.open(previous.get(), key.participant(), key.keyId(), key.sealed());
    } catch (SealedSeedException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(cipher.seal(ring.current(), key.participant(), key.keyId(), seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private StoredKey generate(String participant) {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    String keyId = KeyId.of(key.publicKey()).value();
    byte[] seed = key.seed();
    try {
      SealedSeed sealed = cipher.seal(ring.current(), participant, keyId, seed);
      return new StoredKey(participant, keyId, key.publicKey().bytes(), sealed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private Ed25519PrivateKey open(StoredKey key) {
    return SealedKeys.open(
        ring,
        key.sealed().masterKeyId(),
        key.keyId(),
        "the key of " + key.participant(),
        master -> cipher.open(master, key.participant(), key.keyId(), key.sealed()));
  }

  private static HeldKey held(StoredKey key, boolean generated) {
    try {
      Ed25519PublicKey publicKey = Ed25519PublicKey.of(key.publicKey());
      return new HeldKey(publicKey, KeyId.of(publicKey), generated);
    } catch (MalformedDataException e) {
      throw new CustodyUnavailableException(
          "the public key held for " + key.participant() + " is not an Ed25519 key");
    }
  }
}
