package org.markproof.edge.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;

/**
 * Whom {@code serve} trusts with handheld tokens: the service's token keys kept in the store
 * ({@link ServiceTokenKeys}), the post's own token key ({@link PostTokens}) and the revoked
 * handhelds, read again from the store at most every {@link #REFRESH} and at once after {@link
 * #reload}, so that {@code token-keys fetch} and {@code token revoke} take effect at a running
 * server.
 */
public final class LanAuth {
  /** How long what was read from the store is used before it is read again. */
  static final Duration REFRESH = Duration.ofSeconds(10);

  private final EdgeStore store;
  private final Ed25519NoteSigner postKey;
  private final String postId;
  private final Clock clock;
  private final TokenVerifier.VerifiedTokens verifiedTokens = new TokenVerifier.VerifiedTokens();
  private volatile TokenVerifier verifier;
  private volatile Instant readAt = Instant.MIN;

  private LanAuth(EdgeStore store, Ed25519NoteSigner postKey, String postId, Clock clock) {
    this.store = store;
    this.postKey = postKey;
    this.postId = postId;
    this.clock = clock;
  }

  /**
   * Reads what is trusted from {@code store}, whose connection the caller shares (reads hold its
   * lock), and the post's key.
   *
   * @throws EdgeStoreException if the store cannot be read or its token settings are damaged
   */
  public static LanAuth of(EdgeStore store, Ed25519NoteSigner postKey, String postId, Clock clock)
      throws EdgeStoreException {
    LanAuth auth = new LanAuth(store, postKey, postId, clock);
    auth.reload();
    return auth;
  }

  /** The verifier, read again from the store if it is older than {@link #REFRESH}. */
  TokenVerifier verifier() throws EdgeStoreException {
    if (readAt.plus(REFRESH).isBefore(clock.instant())) {
      reload();
    }
    return verifier;
  }

  /** The service's keys kept in the store, if any. */
  public List<Ed25519Jwk> serviceKeys() {
    List<Ed25519Jwk> out = new ArrayList<>();
    for (TokenVerifier.TrustedKey k : verifier.keys()) {
      if (k.kind() == TokenVerifier.Issuer.SERVICE) {
        out.add(k.key());
      }
    }
    return out;
  }

  /** Reads the keys and revocations from the store now. */
  public synchronized void reload() throws EdgeStoreException {
    Optional<ServiceTokenKeys> service;
    java.util.Map<String, Instant> revoked;
    synchronized (store) {
      try {
        service = ServiceTokenKeys.load(store);
      } catch (MalformedDataException e) {
        throw new EdgeStoreException(e.getMessage(), e);
      }
      revoked = PostTokens.revoked(store);
    }
    List<TokenVerifier.TrustedKey> keys = new ArrayList<>();
    keys.add(PostTokens.trusted(postKey, postId));
    service.ifPresent(
        s ->
            s.keys()
                .forEach(
                    k ->
                        keys.add(
                            new TokenVerifier.TrustedKey(
                                k, s.issuer(), s.audiences(), TokenVerifier.Issuer.SERVICE))));
    verifier = new TokenVerifier(keys, revoked, clock, verifiedTokens);
    readAt = clock.instant();
  }
}
