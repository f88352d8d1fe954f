package org.markproof.edge.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Base64Url;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.edge.scan.VerdictKeyFile;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;

/**
 * The post's own handheld tokens (docs/edge.md "Tokens at the post"): JWTs (RFC 7519) signed with
 * EdDSA (RFC 8037) by the post's token key — an Ed25519 key generated once beside the store ({@code
 * <store>.token.key}, mode 0600, in the signed-note signer key form, named {@code
 * edge-tokens/<post>}) — with {@code iss} and {@code aud} the post's id, {@code sub} the handheld's
 * id, group {@code customs}, {@code iat} and {@code exp}. Revoking a handheld refuses its tokens
 * issued until then (kept in the store's setting {@value #REVOKED}); replacing the key file refuses
 * every post token.
 */
public final class PostTokens {
  /** The store setting of revoked handhelds: {@code {"<id>": <epoch second>, ...}}. */
  public static final String REVOKED = "serve.revoked-handhelds";

  /** A handheld id: what a scan id may be. */
  public static final Pattern HANDHELD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /** Longest lifetime of a post token. */
  public static final Duration MAX_TTL = Duration.ofDays(366);

  private static final ObjectMapper JSON = new ObjectMapper();

  private PostTokens() {}

  /** Where the token key of {@code store} lives by default: {@code <store>.token.key}. */
  public static Path keyBesideStore(Path store) {
    Path absolute = store.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".token.key");
  }

  /** The post's token key in {@code file}, generated there first if there is none. */
  public static Ed25519NoteSigner key(Path file, String postId, SecureRandom random)
      throws IOException, MalformedDataException {
    return VerdictKeyFile.readOrGenerateNamed(file, "edge-tokens/" + postId, random);
  }

  /** The post key as a trusted key: its tokens carry the post's id as issuer and audience. */
  public static TokenVerifier.TrustedKey trusted(Ed25519NoteSigner key, String postId) {
    return new TokenVerifier.TrustedKey(
        jwk(key), postId, java.util.Set.of(postId), TokenVerifier.Issuer.POST);
  }

  private static Ed25519Jwk jwk(Ed25519NoteSigner key) {
    return Ed25519Jwk.withThumbprint(key.verifier().publicKey());
  }

  /**
   * Mints a token for {@code handheld} at {@code postId}, issued at {@code now} (or just after the
   * handheld's last revocation, so that a token issued right after one is not refused by it) and
   * valid for {@code ttl}.
   *
   * @throws MalformedDataException if the handheld id is not one, or {@code ttl} is not from one
   *     minute to {@link #MAX_TTL}
   */
  public static String issue(
      Ed25519NoteSigner key,
      String postId,
      String handheld,
      Duration ttl,
      Instant now,
      Optional<Instant> revokedAt)
      throws MalformedDataException {
    if (!HANDHELD.matcher(handheld).matches()) {
      throw new MalformedDataException(
          "--handheld " + handheld + ": expected 1 to 64 of A-Z a-z 0-9 . _ : -");
    }
    if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new MalformedDataException("--ttl " + ttl + ": from 1 minute to 366 days");
    }
    long iat = now.getEpochSecond();
    if (revokedAt.isPresent() && iat <= revokedAt.get().getEpochSecond()) {
      iat = revokedAt.get().getEpochSecond() + 1;
    }
    ObjectNode header = JSON.createObjectNode();
    header.put("alg", "EdDSA");
    header.put("typ", "JWT");
    header.put("kid", jwk(key).kid().orElseThrow());
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", postId);
    claims.put("aud", postId);
    claims.put("sub", handheld);
    claims.putArray("groups").add(TokenVerifier.CUSTOMS);
    claims.put("iat", iat);
    claims.put("exp", iat + ttl.getSeconds());
    String input = encode(header) + "." + encode(claims);
    return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** When each revoked handheld was revoked. */
  public static Map<String, Instant> revoked(EdgeStore store) throws EdgeStoreException {
    Map<String, Instant> out = new TreeMap<>();
    Optional<String> kept = store.setting(REVOKED);
    if (kept.isEmpty()) {
      return out;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(kept.get());
      json.fields()
          .forEachRemaining(
              e -> out.put(e.getKey(), Instant.ofEpochSecond(e.getValue().longValue())));
      return out;
    } catch (IOException e) {
      throw new EdgeStoreException(store.file() + ": setting " + REVOKED + " is damaged", e);
    }
  }

  /** Refuses every token of {@code handheld} issued until {@code now}. */
  public static void revoke(EdgeStore store, String handheld, Instant now)
      throws EdgeStoreException, MalformedDataException {
    if (!HANDHELD.matcher(handheld).matches()) {
      throw new MalformedDataException("--handheld " + handheld + ": not a handheld id");
    }
    store.<Void, EdgeStoreException>transaction(
        () -> {
          Map<String, Instant> all = revoked(store);
          all.put(handheld, now);
          ObjectNode json = JSON.createObjectNode();
          all.forEach((id, at) -> json.put(id, at.getEpochSecond()));
          store.putSetting(REVOKED, json.toString());
          return null;
        });
  }

  private static String encode(ObjectNode json) {
    try {
      return Base64Url.encode(JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a token", e);
    }
  }
}
