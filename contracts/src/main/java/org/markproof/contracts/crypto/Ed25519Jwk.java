package org.markproof.contracts.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * An Ed25519 public key as a JSON Web Key (RFC 8037 §2: {@code kty} {@code OKP}, {@code crv} {@code
 * Ed25519}, {@code x} the 32-byte key in base64url), with its key id.
 *
 * @param key the public key
 * @param kid the key id (RFC 7517 §4.5), if the key has one
 */
public record Ed25519Jwk(Ed25519PublicKey key, Optional<String> kid) {
  /** Longest key id kept. */
  public static final int MAX_KID_LENGTH = 128;

  public Ed25519Jwk {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kid, "kid");
  }

  /** {@code key} with its RFC 7638 thumbprint as key id. */
  public static Ed25519Jwk withThumbprint(Ed25519PublicKey key) {
    return new Ed25519Jwk(key, Optional.of(thumbprint(key)));
  }

  /**
   * Reads one JWK. The members RFC 8037 defines must be exactly right; {@code use}, if present,
   * must be {@code sig}, {@code alg}, if present, {@code EdDSA}; a private key ({@code d}) is
   * refused, since a key set is published.
   *
   * @throws MalformedDataException naming the member that is wrong
   */
  public static Ed25519Jwk read(JsonNode jwk) throws MalformedDataException {
    if (jwk == null || !jwk.isObject()) {
      throw new MalformedDataException("a JWK is a JSON object");
    }
    if (!"OKP".equals(jwk.path("kty").textValue())) {
      throw new MalformedDataException("/kty: expected OKP (RFC 8037 §2), got " + jwk.get("kty"));
    }
    if (!"Ed25519".equals(jwk.path("crv").textValue())) {
      throw new MalformedDataException("/crv: expected Ed25519, got " + jwk.get("crv"));
    }
    if (jwk.has("d")) {
      throw new MalformedDataException("/d: a private key; publish the public key only");
    }
    if (jwk.has("use") && !"sig".equals(jwk.get("use").textValue())) {
      throw new MalformedDataException("/use: expected sig, got " + jwk.get("use"));
    }
    if (jwk.has("alg") && !"EdDSA".equals(jwk.get("alg").textValue())) {
      throw new MalformedDataException("/alg: expected EdDSA, got " + jwk.get("alg"));
    }
    JsonNode x = jwk.get("x");
    if (x == null || !x.isTextual()) {
      throw new MalformedDataException("/x: required, the public key in base64url");
    }
    Ed25519PublicKey key = Ed25519PublicKey.of(Base64Url.decode(x.textValue(), "/x"));
    JsonNode kid = jwk.get("kid");
    if (kid != null && (!kid.isTextual() || kid.textValue().length() > MAX_KID_LENGTH)) {
      throw new MalformedDataException("/kid: expected a string of at most " + MAX_KID_LENGTH);
    }
    return new Ed25519Jwk(key, Optional.ofNullable(kid).map(JsonNode::textValue));
  }

  /** The JWK: {@code kty}, {@code crv}, {@code x}, {@code use}, {@code alg} and {@code kid}. */
  public ObjectNode json() {
    ObjectNode jwk = JsonNodeFactory.instance.objectNode();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Base64Url.encode(key.bytes()));
    jwk.put("use", "sig");
    jwk.put("alg", "EdDSA");
    kid.ifPresent(id -> jwk.put("kid", id));
    return jwk;
  }

  /**
   * The RFC 7638 §3 thumbprint of {@code key}: SHA-256 over the required members in lexicographic
   * order without whitespace ({@code {"crv":"Ed25519","kty":"OKP","x":"..."}}, RFC 8037 §A.3), in
   * base64url.
   */
  public static String thumbprint(Ed25519PublicKey key) {
    return key.thumbprint();
  }
}
