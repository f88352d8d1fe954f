package org.markproof.service.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye JWT's token parsing with a bounded cache of tokens already verified. A customs handheld
 * sends the same bearer token with every scan; verifying its EdDSA signature again each time (with
 * the JDK's Ed25519, several times slower than the signature the verdict itself needs) was the
 * largest cost of a scan. A token is taken from the cache only byte for byte as verified, and only
 * until the earlier of its {@code exp} and {@link #MAX_AGE_MILLIS} after it was verified (so a
 * changed verification key or issuer takes effect within that bound); everything else — signature,
 * {@code iss}, {@code aud}, {@code exp}, the pinned algorithm — is checked by the default factory
 * on the first use.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingTokenParser extends JWTCallerPrincipalFactory {
  /** How long a verified token is trusted without verifying it again. */
  static final long MAX_AGE_MILLIS = 5 * 60_000L;

  /** Most tokens kept; past it the cache is emptied (tokens are re-verified, never refused). */
  static final int MAX_TOKENS = 10_000;

  /** Longest token cached; a longer one is verified every time. */
  static final int MAX_TOKEN_LENGTH = 8 * 1024;

  private record Verified(JWTCallerPrincipal principal, long until) {}

  private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
    long now = System.currentTimeMillis();
    Verified cached = verified.get(token);
    if (cached != null) {
      if (now < cached.until()) {
        return cached.principal();
      }
      verified.remove(token, cached);
    }
    JWTCallerPrincipal principal = verifier.parse(token, context);
    if (token.length() <= MAX_TOKEN_LENGTH) {
      long expiresAt = principal.getExpirationTime() * 1000L;
      if (verified.size() >= MAX_TOKENS) {
        verified.clear();
      }
      verified.put(token, new Verified(principal, Math.min(expiresAt, now + MAX_AGE_MILLIS)));
    }
    return principal;
  }
}
