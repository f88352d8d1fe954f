package org.markproof.service.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mints access tokens the service itself accepts: JWS {@code EdDSA} (Ed25519, RFC 8037) with the
 * configured issuer and audience, {@code iat} and {@code exp}, the subject and its groups.
 *
 * <p>Only a service that is its own issuer (demo mode, tests) has a signing key; in production
 * tokens come from the operator's identity provider. See {@link TokenIssuerProducer}.
 */
public final class TokenIssuer {
  private static final Set<String> RESERVED =
      Set.of("iss", "aud", "sub", "groups", "iat", "exp", "nbf", "jti", "upn");

  private final PrivateKey signingKey;
  private final String issuer;
  private final Set<String> audience;
  private final Duration lifetime;
  private final Clock clock;

  /**
   * @param signingKey an Ed25519 private key whose public key the service verifies tokens with
   * @param lifetime how long a token is valid from its issue time; positive
   */
  public TokenIssuer(
      PrivateKey signingKey, String issuer, Set<String> audience, Duration lifetime, Clock clock) {
    if (!"EdDSA".equals(signingKey.getAlgorithm())
        && !"Ed25519".equals(signingKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "token signing key: expected Ed25519, got " + signingKey.getAlgorithm());
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime: expected positive, got " + lifetime);
    }
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("token audience: expected at least one");
    }
    this.signingKey = signingKey;
    this.issuer = Objects.requireNonNull(issuer);
    this.audience = Set.copyOf(audience);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /**
   * Mints a token for {@code subject} in {@code groups}, carrying {@code claims} as extra claims
   * (such as {@code office}, an ST.3 code, or {@code post}, a border post).
   *
   * @throws IllegalArgumentException if the subject is blank, a group is not one of {@link
   *     Groups#ALL}, or an extra claim would override a registered one
   */
  public String issue(String subject, Set<String> groups, Map<String, ?> claims) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("token subject: expected a participant id, got blank");
    }
    for (String group : groups) {
      if (!Groups.ALL.contains(group)) {
        throw new IllegalArgumentException(
            "token group: expected one of " + new TreeSet<>(Groups.ALL) + ", got " + group);
      }
    }
    Instant now = clock.instant();
    JwtClaimsBuilder builder =
        Jwt.issuer(issuer)
            .audience(audience)
            .subject(subject)
            .groups(Set.copyOf(groups))
            .issuedAt(now)
            .expiresAt(now.plus(lifetime));
    for (Map.Entry<String, ?> claim : claims.entrySet()) {
      if (RESERVED.contains(claim.getKey())) {
        throw new IllegalArgumentException(
            "token claim " + claim.getKey() + ": registered claims are set by the issuer");
      }
      builder.claim(claim.getKey(), claim.getValue());
    }
    return builder.jws().algorithm(SignatureAlgorithm.EDDSA).sign(signingKey);
  }
}
