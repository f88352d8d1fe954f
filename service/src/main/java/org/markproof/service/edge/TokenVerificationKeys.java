package org.markproof.service.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Base64Url;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * The service's token verification keys, read from where its SmallRye JWT configuration says
 * ({@code mp.jwt.verify.publickey} inline, else {@code mp.jwt.verify.publickey.location}) in the
 * forms SmallRye reads there: a PEM {@code PUBLIC KEY} (RFC 7468, an X.509 SubjectPublicKeyInfo,
 * RFC 8410 for Ed25519), its base64 without the PEM lines, a JWK or JWK Set (RFC 7517) and either
 * of those base64url-encoded. Only Ed25519 keys (RFC 8037) are kept: the service pins EdDSA, and a
 * key of another type cannot verify its tokens.
 *
 * <p>A location is a file, or a class-path resource ({@code classpath:} or a relative path found
 * there, as SmallRye resolves it); an {@code http(s)} location (an identity provider's JWKS) is not
 * republished: posts are told to fetch it there.
 */
final class TokenVerificationKeys {
  /** Largest key file or inline value read. */
  static final int MAX_BYTES = 64 * 1024;

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), before the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenVerificationKeys() {}

  /**
   * The Ed25519 keys configured, each with a key id (its own, else its RFC 7638 thumbprint).
   *
   * @throws MalformedDataException if nothing is configured, the value or file cannot be read, or
   *     it holds no Ed25519 key
   */
  static List<Ed25519Jwk> read(Optional<String> inline, Optional<String> location)
      throws MalformedDataException {
    if (configured(inline)) {
      return parse(inline.get(), "mp.jwt.verify.publickey");
    }
    if (!configured(location)) {
      throw new MalformedDataException(
          "no token verification key is configured (mp.jwt.verify.publickey.location)");
    }
    return parse(
        load(location.get().strip()), "mp.jwt.verify.publickey.location " + location.get());
  }

  /** Whether a setting has a value: Quarkus gives the unset key settings the value {@code NONE}. */
  private static boolean configured(Optional<String> setting) {
    return setting.isPresent() && !setting.get().isBlank() && !setting.get().equals("NONE");
  }

  /** Reads the keys in {@code text}; {@code where} names it in messages. */
  static List<Ed25519Jwk> parse(String text, String where) throws MalformedDataException {
    String value = text.strip();
    List<Ed25519Jwk> keys;
    if (value.startsWith("{")) {
      keys = jwks(value, where);
    } else if (value.contains("-----BEGIN")) {
      keys = List.of(spki(pem(value, where), where));
    } else {
      byte[] decoded = decodeAny(value, where);
      keys =
          decoded.length > 0 && decoded[0] == '{'
              ? jwks(new String(decoded, StandardCharsets.UTF_8), where)
              : List.of(spki(decoded, where));
    }
    if (keys.isEmpty()) {
      throw new MalformedDataException(where + ": holds no Ed25519 key (kty OKP, crv Ed25519)");
    }
    return keys;
  }

  private static String load(String location) throws MalformedDataException {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http:") || lower.startsWith("https:")) {
      throw new MalformedDataException(
          "the token verification keys are published by the identity provider at "
              + location
              + "; fetch them there");
    }
    try {
      if (lower.startsWith("classpath:")) {
        return classpath(location.substring("classpath:".length()), location);
      }
      Path file = Path.of(lower.startsWith("file:") ? location.substring(5) : location);
      if (Files.isRegularFile(file)) {
        if (Files.size(file) > MAX_BYTES) {
          throw new MalformedDataException(location + ": larger than " + MAX_BYTES + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      return classpath(location, location);
    } catch (IOException e) {
      throw new MalformedDataException(location + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String classpath(String resource, String location)
      throws IOException, MalformedDataException {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new MalformedDataException(location + ": no such file or class-path resource");
      }
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new MalformedDataException(location + ": larger than " + MAX_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** A JWK Set's Ed25519 keys (others skipped), or one JWK. */
  private static List<Ed25519Jwk> jwks(String text, String where) throws MalformedDataException {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new MalformedDataException(where + ": not a JWK or JWK Set: " + e.getMessage(), e);
    }
    List<JsonNode> candidates = new ArrayList<>();
    if (json.has("keys") && json.get("keys").isArray()) {
      json.get("keys").forEach(candidates::add);
    } else {
      candidates.add(json);
    }
    List<Ed25519Jwk> keys = new ArrayList<>();
    for (JsonNode jwk : candidates) {
      if ("OKP".equals(jwk.path("kty").textValue())
          && "Ed25519".equals(jwk.path("crv").textValue())) {
        try {
          keys.add(withKid(Ed25519Jwk.read(jwk)));
        } catch (MalformedDataException e) {
          throw new MalformedDataException(where + ": " + e.getMessage(), e);
        }
      }
    }
    return keys;
  }

  private static Ed25519Jwk withKid(Ed25519Jwk jwk) {
    return jwk.kid().isPresent() ? jwk : Ed25519Jwk.withThumbprint(jwk.key());
  }

  private static byte[] pem(String text, String where) throws MalformedDataException {
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new MalformedDataException(where + ": expected a PEM block labelled PUBLIC KEY");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(where + ": the PUBLIC KEY block is not base64", e);
    }
  }

  private static byte[] decodeAny(String value, String where) throws MalformedDataException {
    try {
      return Base64.getMimeDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return Base64Url.decode(value, where);
    }
  }

  private static Ed25519Jwk spki(byte[] der, String where) throws MalformedDataException {
    if (der.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
      throw new MalformedDataException(
          where
              + ": not an Ed25519 public key (RFC 8410 SubjectPublicKeyInfo); the service"
              + " verifies EdDSA tokens");
    }
    return Ed25519Jwk.withThumbprint(
        Ed25519PublicKey.of(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length)));
  }
}
