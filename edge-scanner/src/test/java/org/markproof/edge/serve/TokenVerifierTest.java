package org.markproof.edge.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Base64Url;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.note.Ed25519NoteSigner;

/**
 * {@link TokenVerifier} as a matrix: one row per token, each with the answer the service gives the
 * same token (200, 401 or 403), run all at once and every wrong answer reported together. Tokens
 * are signed for real with Ed25519 (the service's key and the post's); nothing is mocked.
 */
class TokenVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ISSUER = "https://markproof.local/auth";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Ed25519PrivateKey SERVICE = Ed25519PrivateKey.generate(RANDOM);
  private static final Ed25519PrivateKey STRANGER = Ed25519PrivateKey.generate(RANDOM);
  private static final Ed25519NoteSigner POST_KEY = postKey();

  private static Ed25519NoteSigner postKey() {
    try {
      return Ed25519NoteSigner.generate("edge-tokens/xx-lan", RANDOM);
    } catch (org.markproof.contracts.MalformedDataException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final TokenVerifier.TrustedKey SERVICE_TRUSTED =
      new TokenVerifier.TrustedKey(
          Ed25519Jwk.withThumbprint(SERVICE.publicKey()),
          ISSUER,
          Set.of("markproof"),
          TokenVerifier.Issuer.SERVICE);

  private static TokenVerifier verifier(Map<String, Instant> revoked) {
    return new TokenVerifier(
        List.of(SERVICE_TRUSTED, PostTokens.trusted(POST_KEY, "xx-lan")),
        revoked,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** The claims of a good service token for a customs officer. */
  private static ObjectNode claims() {
    ObjectNode c = JSON.createObjectNode();
    c.put("iss", ISSUER);
    c.put("aud", "markproof");
    c.put("sub", "customs-fra-cargo");
    c.putArray("groups").add("customs");
    c.put("iat", NOW.minusSeconds(60).getEpochSecond());
    c.put("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond());
    return c;
  }

  private static ObjectNode header(String alg) {
    ObjectNode h = JSON.createObjectNode();
    h.put("alg", alg);
    h.put("typ", "JWT");
    return h;
  }

  private static String b64(Object json) {
    try {
      return Base64Url.encode(JSON.writeValueAsBytes(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signed(ObjectNode header, ObjectNode claims, Ed25519PrivateKey key) {
    String input = b64(header) + "." + b64(claims);
    return input
        + "."
        + Base64Url.encode(Ed25519Signatures.sign(key, input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String service(UnaryOperator<ObjectNode> change) {
    return signed(header("EdDSA"), change.apply(claims()), SERVICE);
  }

  private static String post(String handheld, Instant issued) throws Exception {
    return PostTokens.issue(
        POST_KEY, "xx-lan", handheld, Duration.ofHours(12), issued, Optional.empty());
  }

  @Test
  void everyTokenGetsTheServicesAnswer() throws Exception {
    Map<String, Object[]> rows = new LinkedHashMap<>();
    String good = service(c -> c);
    rows.put("service token", new Object[] {"Bearer " + good, 200});
    rows.put("scheme in lower case", new Object[] {"bearer " + good, 200});
    rows.put(
        "audience in a list",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.putArray("aud").add("other").add("markproof");
                    return c;
                  }),
          200
        });
    rows.put("post token", new Object[] {"Bearer " + post("hh-1", NOW), 200});
    rows.put("no header", new Object[] {null, 401});
    rows.put("basic auth", new Object[] {"Basic dXNlcjpwYXNz", 401});
    rows.put("not a JWS", new Object[] {"Bearer abc.def", 401});
    rows.put(
        "alg none, no signature",
        new Object[] {"Bearer " + b64(header("none")) + "." + b64(claims()) + ".", 401});
    String hsInput = b64(header("HS256")) + "." + b64(claims());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SERVICE.publicKey().bytes(), "HmacSHA256"));
    rows.put(
        "HS256 with the public key as secret",
        new Object[] {
          "Bearer " + hsInput + "." + Base64Url.encode(mac.doFinal(hsInput.getBytes())), 401
        });
    rows.put(
        "alg eddsa in lower case",
        new Object[] {"Bearer " + signed(header("eddsa"), claims(), SERVICE), 401});
    ObjectNode crit = header("EdDSA");
    crit.putArray("crit").add("exp");
    rows.put("crit header", new Object[] {"Bearer " + signed(crit, claims(), SERVICE), 401});
    rows.put(
        "signed by a stranger",
        new Object[] {"Bearer " + signed(header("EdDSA"), claims(), STRANGER), 401});
    String[] parts = good.split("\\.");
    rows.put(
        "tampered claims",
        new Object[] {
          "Bearer " + parts[0] + "." + b64(claims().put("sub", "someone-else")) + "." + parts[2],
          401
        });
    rows.put("signature with padding", new Object[] {"Bearer " + good + "==", 401});
    rows.put("wrong issuer", new Object[] {"Bearer " + service(c -> c.put("iss", "x")), 401});
    rows.put(
        "post issuer on a service key",
        new Object[] {"Bearer " + service(c -> c.put("iss", "xx-lan").put("aud", "xx-lan")), 401});
    rows.put("wrong audience", new Object[] {"Bearer " + service(c -> c.put("aud", "y")), 401});
    rows.put(
        "no audience",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.remove("aud");
                    return c;
                  }),
          401
        });
    rows.put(
        "expired past the skew",
        new Object[] {
          "Bearer " + service(c -> c.put("exp", NOW.minusSeconds(61).getEpochSecond())), 401
        });
    rows.put(
        "expired within the skew",
        new Object[] {
          "Bearer " + service(c -> c.put("exp", NOW.minusSeconds(30).getEpochSecond())), 200
        });
    rows.put(
        "no expiry",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.remove("exp");
                    return c;
                  }),
          401
        });
    rows.put(
        "no iat",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.remove("iat");
                    return c;
                  }),
          401
        });
    rows.put(
        "expiry as a string",
        new Object[] {"Bearer " + service(c -> c.put("exp", "2099-01-01")), 401});
    rows.put(
        "not valid before an hour from now",
        new Object[] {
          "Bearer " + service(c -> c.put("nbf", NOW.plusSeconds(3600).getEpochSecond())), 401
        });
    rows.put(
        "no subject",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.remove("sub");
                    return c;
                  }),
          401
        });
    rows.put(
        "no customs group",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.putArray("groups").add("operator");
                    return c;
                  }),
          403
        });
    rows.put(
        "no groups",
        new Object[] {
          "Bearer "
              + service(
                  c -> {
                    c.remove("groups");
                    return c;
                  }),
          403
        });
    rows.put(
        "post token of a revoked handheld",
        new Object[] {"Bearer " + post("hh-revoked", NOW.minusSeconds(120)), 401});
    rows.put(
        "post token issued after the revocation",
        new Object[] {"Bearer " + post("hh-revoked", NOW.minusSeconds(30)), 200});
    rows.put(
        "post token of another post's key",
        new Object[] {
          "Bearer "
              + PostTokens.issue(
                  Ed25519NoteSigner.generate("edge-tokens/xx-lan", RANDOM),
                  "xx-lan",
                  "hh-1",
                  Duration.ofHours(1),
                  NOW,
                  Optional.empty()),
          401
        });
    rows.put(
        "token longer than 8 KiB",
        new Object[] {"Bearer " + service(c -> c.put("pad", "x".repeat(9000))), 401});
    ObjectNode duplicated = claims();
    String dupClaims = duplicated.toString().replace("\"sub\":", "\"sub\":\"a\",\"sub\":");
    String dupInput = b64(header("EdDSA")) + "." + Base64Url.encode(dupClaims.getBytes());
    rows.put(
        "duplicate claim",
        new Object[] {
          "Bearer "
              + dupInput
              + "."
              + Base64Url.encode(
                  Ed25519Signatures.sign(SERVICE, dupInput.getBytes(StandardCharsets.US_ASCII))),
          401
        });

    TokenVerifier verifier = verifier(Map.of("hh-revoked", NOW.minusSeconds(60)));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Object[]> row : rows.entrySet()) {
      int expected = (Integer) row.getValue()[1];
      int got;
      try {
        verifier.verify((String) row.getValue()[0]);
        got = 200;
      } catch (TokenVerifier.Refused e) {
        got = e.status;
      }
      if (got != expected) {
        wrong.add(row.getKey() + ": expected " + expected + ", got " + got);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void namesTheCallerAndWhoseKeySignedIt() throws Exception {
    TokenVerifier verifier = verifier(Map.of());
    TokenVerifier.Caller officer = verifier.verify("Bearer " + service(c -> c));
    assertEquals("customs-fra-cargo", officer.subject());
    assertEquals(TokenVerifier.Issuer.SERVICE, officer.kind());
    TokenVerifier.Caller handheld = verifier.verify("Bearer " + post("hh-7", NOW));
    assertEquals("hh-7", handheld.subject());
    assertEquals(TokenVerifier.Issuer.POST, handheld.kind());
  }

  /**
   * A verified token is kept with the key that verified it, and a later verifier sharing the kept
   * tokens (as {@link LanAuth} makes one every few seconds) still checks its claims and whether it
   * still trusts that key.
   */
  @Test
  void aKeptTokenStillHasItsClaimsAndItsKeyChecked() throws Exception {
    TokenVerifier.VerifiedTokens kept = new TokenVerifier.VerifiedTokens();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TokenVerifier.TrustedKey postTrusted = PostTokens.trusted(POST_KEY, "xx-lan");
    TokenVerifier first =
        new TokenVerifier(List.of(SERVICE_TRUSTED, postTrusted), Map.of(), clock, kept);
    String officer = "Bearer " + service(c -> c);
    String handheld = "Bearer " + post("hh-7", NOW);
    first.verify(officer);
    first.verify(handheld);
    first.verify(officer);
    assertEquals(2, kept.size());

    TokenVerifier postKeyOnly =
        new TokenVerifier(List.of(postTrusted), Map.of("hh-7", NOW.plusSeconds(1)), clock, kept);
    TokenVerifier.Refused untrusted =
        assertThrows(TokenVerifier.Refused.class, () -> postKeyOnly.verify(officer));
    assertEquals(401, untrusted.status);
    TokenVerifier.Refused revoked =
        assertThrows(TokenVerifier.Refused.class, () -> postKeyOnly.verify(handheld));
    assertEquals(401, revoked.status);
    assertTrue(revoked.getMessage().contains("revoked"), revoked.getMessage());

    TokenVerifier later =
        new TokenVerifier(
            List.of(SERVICE_TRUSTED, postTrusted),
            Map.of(),
            Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC),
            kept);
    TokenVerifier.Refused expired =
        assertThrows(TokenVerifier.Refused.class, () -> later.verify(officer));
    assertTrue(expired.expired, expired.getMessage());
  }

  /** Only a token that was accepted is kept: a forged one costs a signature check every time. */
  @Test
  void refusedTokensAreNotKept() throws Exception {
    TokenVerifier.VerifiedTokens kept = new TokenVerifier.VerifiedTokens();
    TokenVerifier verifier =
        new TokenVerifier(
            List.of(SERVICE_TRUSTED), Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), kept);
    String good = service(c -> c);
    String forged = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BA" : "AA");
    String stranger = signed(header("EdDSA"), claims(), STRANGER);
    String noGroup =
        service(
            c -> {
              c.remove("groups");
              return c;
            });
    for (String token : List.of(forged, stranger, noGroup)) {
      assertThrows(TokenVerifier.Refused.class, () -> verifier.verify("Bearer " + token));
      assertThrows(TokenVerifier.Refused.class, () -> verifier.verify("Bearer " + token));
    }
    assertEquals(0, kept.size());
    verifier.verify("Bearer " + good);
    assertEquals(1, kept.size());
  }
}
