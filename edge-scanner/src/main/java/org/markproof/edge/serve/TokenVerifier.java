package org.markproof.edge.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Base64Url;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * Checks a handheld's bearer token (docs/edge.md "Tokens at the post"): a compact JWS (RFC 7515
 * §7.1) JWT (RFC 7519) signed with EdDSA (RFC 8037) by one of the trusted keys — the service's
 * token keys cached at the post, or the post's own key — then its claims as the service checks
 * them: {@code iss} and {@code aud} those of the key that verified it, {@code exp} and {@code iat}
 * present and {@code exp} not passed, {@code nbf} if present reached (each with SmallRye JWT's
 * default 60 s of clock skew), a {@code sub}, and the group {@code customs}.
 *
 * <p>The algorithm is pinned: a header whose {@code alg} is not exactly {@code EdDSA} ({@code
 * none}, {@code HS256} with the public key as secret, ...) is refused before any key is used, as is
 * a header with {@code crit} (no extension is understood). Header and claims are read with bounded
 * sizes and duplicate members refused. Thread-safe.
 *
 * <p>A handheld sends the same token with every scan, and verifying its signature again each time
 * cost as much as verifying the label it scans. So a token whose signature verified is kept in
 * {@link VerifiedTokens} (shared by the verifiers {@link LanAuth} makes in turn), byte for byte,
 * with the key that verified it; it skips the signature check only while that key is still trusted
 * by this verifier. Its claims — {@code exp}, {@code nbf}, revocation, the group — are checked on
 * every use, as the first time.
 */
public final class TokenVerifier {
  /** Longest token read. */
  static final int MAX_TOKEN_CHARS = 8 * 1024;

  /** The clock skew allowed on {@code exp}, {@code nbf} and {@code iat}, as SmallRye's default. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** The group a scanning token must carry, as the service's {@code POST /v1/scans} requires. */
  static final String CUSTOMS = "customs";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Whose key verified a token. */
  public enum Issuer {
    /** The service's (its identity provider's) key, cached at the post. */
    SERVICE,
    /** The post's own key ({@code token issue}). */
    POST
  }

  /**
   * A key trusted for tokens of one issuer and audience set.
   *
   * @param key the public key, with its key id if it has one
   * @param issuer the {@code iss} its tokens must carry
   * @param audiences the {@code aud} values one of which its tokens must carry
   * @param kind whose key it is
   */
  public record TrustedKey(Ed25519Jwk key, String issuer, Set<String> audiences, Issuer kind) {
    public TrustedKey {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(issuer, "issuer");
      audiences = Set.copyOf(audiences);
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Who a verified token names.
   *
   * @param subject its {@code sub}
   * @param kind whose key signed it
   * @param issuedAt its {@code iat}
   */
  public record Caller(String subject, Issuer kind, Instant issuedAt) {}

  /** A token refused: 401 when it proves nothing, 403 when it proves a caller without the group. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    /** 401 or 403. */
    public final int status;

    /** Whether it was refused for being expired (the service's hint: obtain a new token). */
    public final boolean expired;

    Refused(int status, String message, boolean expired) {
      super(message, null, false, false);
      this.status = status;
      this.expired = expired;
    }
  }

  /**
   * Tokens whose signature verified, with the key that verified it and their parsed claims: at most
   * {@link #MAX_TOKENS} (past it the whole set is dropped: tokens are then verified again, never
   * refused), each for at most {@link #MAX_AGE} and not past its {@code exp}. Thread-safe.
   */
  public static final class VerifiedTokens {
    /** Most tokens kept. */
    static final int MAX_TOKENS = 10_000;

    /** How long a verified token skips the signature check. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Kept(TrustedKey signer, JsonNode claims, Instant until) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    Kept get(String token, Instant now) {
      Kept k = kept.get(token);
      if (k != null && !now.isBefore(k.until())) {
        kept.remove(token, k);
        return null;
      }
      return k;
    }

    void put(String token, TrustedKey signer, JsonNode claims, Instant now, Instant exp) {
      if (kept.size() >= MAX_TOKENS) {
        kept.clear();
      }
      Instant until = now.plus(MAX_AGE);
      kept.put(token, new Kept(signer, claims, exp.isBefore(until) ? exp : until));
    }

    /** How many tokens are kept. */
    int size() {
      return kept.size();
    }
  }

  private final List<TrustedKey> keys;
  private final Map<String, Instant> revoked;
  private final Clock clock;
  private final VerifiedTokens verified;

  /**
   * A verifier with a set of verified tokens of its own.
   *
   * @param keys the keys trusted
   * @param revoked for handhelds whose post tokens were revoked, the time of the revocation: their
   *     post tokens issued at or before it are refused
   */
  public TokenVerifier(List<TrustedKey> keys, Map<String, Instant> revoked, Clock clock) {
    this(keys, revoked, clock, new VerifiedTokens());
  }

  /**
   * A verifier that keeps the tokens it verified in {@code verified}, and takes from it those
   * verified by a key it trusts too.
   */
  public TokenVerifier(
      List<TrustedKey> keys, Map<String, Instant> revoked, Clock clock, VerifiedTokens verified) {
    this.keys = List.copyOf(keys);
    this.revoked = Map.copyOf(revoked);
    this.clock = clock;
    this.verified = Objects.requireNonNull(verified, "verified");
  }

  /** The keys trusted. */
  public List<TrustedKey> keys() {
    return keys;
  }

  /**
   * Verifies the {@code Authorization} header's bearer token.
   *
   * @param authorization the header's value, {@code null} when absent
   * @throws Refused 401 unless it is a valid token of a trusted key; 403 without group customs
   */
  public Caller verify(String authorization) throws Refused {
    if (authorization == null) {
      throw refused("this endpoint needs a bearer token (Authorization: Bearer <JWT>)");
    }
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Bearer")) {
      throw refused("the Authorization header is not Bearer <JWT>");
    }
    String token = authorization.substring(space + 1).strip();
    if (token.length() > MAX_TOKEN_CHARS) {
      throw refused("the bearer token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    Instant now = clock.instant();
    VerifiedTokens.Kept kept = verified.get(token, now);
    if (kept != null && keys.contains(kept.signer())) {
      return claims(kept.claims(), kept.signer(), now);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw refused("the bearer token is not a compact JWS (three dot-separated parts)");
    }
    JsonNode header = object(parts[0], "header", 2048);
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual() || !alg.textValue().equals("EdDSA")) {
      throw refused("the token's alg is " + alg + "; only EdDSA is accepted");
    }
    if (header.has("crit")) {
      throw refused("the token's header has crit; no JWS extension is understood here");
    }
    byte[] signature = decode(parts[2], "signature");
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    TrustedKey signer = signer(header, input, signature);
    JsonNode claims = object(parts[1], "claims", 6 * 1024);
    Caller caller = claims(claims, signer, now);
    verified.put(token, signer, claims, now, date(claims, "exp"));
    return caller;
  }

  private TrustedKey signer(JsonNode header, byte[] input, byte[] signature) throws Refused {
    List<TrustedKey> candidates = new ArrayList<>();
    JsonNode kid = header.get("kid");
    if (kid != null && kid.isTextual()) {
      for (TrustedKey k : keys) {
        if (k.key().kid().filter(kid.textValue()::equals).isPresent()) {
          candidates.add(k);
        }
      }
    }
    if (candidates.isEmpty()) {
      candidates = keys;
    }
    for (TrustedKey k : candidates) {
      try {
        Ed25519Signatures.verify(k.key().key(), input, signature);
        return k;
      } catch (SignatureVerificationException e) {
        // try the next key
      }
    }
    throw refused(
        keys.isEmpty()
            ? "no token key is trusted here yet: fetch the service's (token-keys fetch) or issue"
                + " post tokens (token issue)"
            : "the token's signature does not verify with any trusted key");
  }

  private Caller claims(JsonNode claims, TrustedKey signer, Instant now) throws Refused {
    JsonNode iss = claims.get("iss");
    if (iss == null || !iss.isTextual() || !iss.textValue().equals(signer.issuer())) {
      throw refused("the token's iss is " + iss + ", expected \"" + signer.issuer() + "\"");
    }
    JsonNode aud = claims.get("aud");
    List<String> audiences = new ArrayList<>();
    if (aud != null && aud.isTextual()) {
      audiences.add(aud.textValue());
    } else if (aud != null && aud.isArray()) {
      aud.forEach(a -> audiences.add(a.isTextual() ? a.textValue() : ""));
    }
    if (audiences.stream().noneMatch(signer.audiences()::contains)) {
      throw refused("the token's aud is " + aud + ", expected one of " + signer.audiences());
    }
    Instant exp = date(claims, "exp");
    Instant iat = date(claims, "iat");
    if (!now.isBefore(exp.plus(CLOCK_SKEW))) {
      throw new Refused(401, "the bearer token has expired", true);
    }
    if (iat.isAfter(now.plus(CLOCK_SKEW))) {
      throw refused("the token's iat lies in the future");
    }
    if (claims.has("nbf") && date(claims, "nbf").isAfter(now.plus(CLOCK_SKEW))) {
      throw refused("the token is not valid yet (nbf)");
    }
    JsonNode sub = claims.get("sub");
    if (sub == null || !sub.isTextual() || sub.textValue().isEmpty()) {
      throw refused("the token has no sub");
    }
    Instant revokedAt = signer.kind() == Issuer.POST ? revoked.get(sub.textValue()) : null;
    if (revokedAt != null && !iat.isAfter(revokedAt)) {
      throw refused("the post revoked the tokens of handheld " + sub.textValue());
    }
    JsonNode groups = claims.get("groups");
    boolean customs = false;
    if (groups != null && groups.isArray()) {
      for (JsonNode g : groups) {
        customs |= g.isTextual() && g.textValue().equals(CUSTOMS);
      }
    }
    if (!customs) {
      throw new Refused(403, "the token's groups do not allow this request", false);
    }
    return new Caller(sub.textValue(), signer.kind(), iat);
  }

  private static Instant date(JsonNode claims, String name) throws Refused {
    JsonNode value = claims.get(name);
    if (value == null || !value.isNumber()) {
      throw refused("the token has no " + name + " (a NumericDate, RFC 7519 §2)");
    }
    double seconds = value.doubleValue();
    if (!(seconds >= 0 && seconds < 1e11)) {
      throw refused("the token's " + name + " is out of range");
    }
    return Instant.ofEpochMilli((long) (seconds * 1000));
  }

  private static JsonNode object(String part, String what, int maxBytes) throws Refused {
    byte[] bytes = decode(part, what);
    if (bytes.length > maxBytes) {
      throw refused("the token's " + what + " has more than " + maxBytes + " bytes");
    }
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      throw refused("the token's " + what + " is not one JSON object");
    }
    if (json == null || !json.isObject()) {
      throw refused("the token's " + what + " is not a JSON object");
    }
    return json;
  }

  private static byte[] decode(String part, String what) throws Refused {
    try {
      return Base64Url.decode(part, "the token's " + what);
    } catch (MalformedDataException e) {
      throw refused(e.getMessage());
    }
  }

  private static Refused refused(String why) {
    return new Refused(401, "the bearer token was refused: " + why, false);
  }
}
