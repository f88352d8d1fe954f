package org.markproof.service.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.markproof.service.auth.TokenKeyPair;

/**
 * Mints access tokens for tests, independently of the service's own {@code TokenIssuer}: tokens the
 * service must accept (EdDSA with the test-only key of {@code src/test/resources/auth/}, the
 * configured issuer and audience) and every kind it must refuse.
 *
 * <pre>{@code
 * String token = TestTokens.forSubject("office-em", Groups.REGISTRAR).claim("office", "EM").sign();
 * given().auth().oauth2(token).get("/v1/me") ...
 * TestTokens.forSubject("x", Groups.OPERATOR).expiresIn(Duration.ofMinutes(-10)).sign(); // expired
 * TestTokens.forSubject("x", Groups.OPERATOR).unsigned();                   // alg: none
 * }</pre>
 *
 * <p>Issuer and audience are read from the running Quarkus test's configuration, so use it inside
 * {@code @QuarkusTest}s (or set them with {@link Builder#issuer} and {@link Builder#audience}).
 */
public final class TestTokens {
  private static final Path KEYS = Path.of("src/test/resources/auth");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  /** A token for {@code subject} in {@code groups}, valid for an hour unless changed. */
  public static Builder forSubject(String subject, String... groups) {
    return new Builder(subject, List.of(groups));
  }

  /** The test-only key the service trusts. */
  public static PrivateKey signingKey() {
    return read(() -> TokenKeyPair.readSigningKey(KEYS.resolve("test-token-signing-key.pem")));
  }

  /** A key the service does not trust. */
  public static PrivateKey untrustedKey() {
    return TokenKeyPair.generate(new SecureRandom()).signingKey();
  }

  /** The bytes of the trusted public key's PEM file: what an algorithm-confusion attack uses. */
  public static byte[] verificationKeyPemBytes() {
    return read(() -> Files.readAllBytes(KEYS.resolve("test-token-verification-key.pem")));
  }

  /**
   * Returns {@code token} with its payload replaced by {@code payload}'s claims merged over the
   * original ones, keeping the original header and signature: a tampered token.
   */
  public static String tamper(String token, Map<String, Object> payload) {
    String[] parts = token.split("\\.", -1);
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> claims =
          JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), LinkedHashMap.class);
      claims.putAll(payload);
      return parts[0]
          + "."
          + B64URL.encodeToString(JSON.writeValueAsBytes(claims))
          + "."
          + parts[2];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a test changes before minting. */
  public static final class Builder {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Duration lifetime = Duration.ofHours(1);
    private boolean expiring = true;
    private PrivateKey key;

    private Builder(String subject, List<String> groups) {
      claims.put("iss", ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class));
      claims.put(
          "aud", ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class));
      claims.put("sub", subject);
      claims.put("groups", groups);
    }

    public Builder issuer(String issuer) {
      claims.put("iss", issuer);
      return this;
    }

    public Builder audience(String... audiences) {
      claims.put("aud", audiences.length == 1 ? audiences[0] : List.of(audiences));
      return this;
    }

    public Builder withoutAudience() {
      claims.remove("aud");
      return this;
    }

    /** Expires this long after now; negative for a token that has already expired. */
    public Builder expiresIn(Duration duration) {
      lifetime = duration;
      return this;
    }

    public Builder withoutExpiry() {
      expiring = false;
      return this;
    }

    public Builder claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    /** Signs with {@code other} instead of the trusted test key. */
    public Builder signedBy(PrivateKey other) {
      key = other;
      return this;
    }

    /** The token signed with EdDSA (RFC 8037). */
    public String sign() {
      String input = encode(Map.of("alg", "EdDSA", "typ", "JWT")) + "." + encode(payload());
      try {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key == null ? signingKey() : key);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(signer.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The token with {@code alg: none} and an empty signature (RFC 7519 §6, unsecured JWT). */
    public String unsigned() {
      return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(payload()) + ".";
    }

    /** The token MACed with HS256 under {@code secret} (e.g. the public key's bytes). */
    public String hs256(byte[] secret) {
      String input = encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + encode(payload());
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input
            + "."
            + B64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private Map<String, Object> payload() {
      Map<String, Object> payload = new LinkedHashMap<>(claims);
      Instant now = Instant.now();
      Instant expiry = now.plus(lifetime);
      Instant issued = (expiry.isBefore(now) ? expiry : now).minus(Duration.ofMinutes(1));
      payload.put("iat", issued.getEpochSecond());
      if (expiring) {
        payload.put("exp", expiry.getEpochSecond());
      }
      return payload;
    }
  }

  private static String encode(Map<String, Object> json) {
    try {
      return B64URL.encodeToString(JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T read(IoSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
