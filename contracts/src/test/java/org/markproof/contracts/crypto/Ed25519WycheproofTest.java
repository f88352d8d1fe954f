package org.markproof.contracts.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.TestKeys;

/**
 * Runs every case of Wycheproof's {@code ed25519_test.json} through {@link Ed25519PublicKey#of} and
 * {@link Ed25519Signatures#verify}, collecting all failures before asserting.
 *
 * <p>{@code valid} cases must verify; {@code invalid} cases must be rejected, by key decoding or by
 * verification. {@code acceptable} cases (legal either way in Wycheproof's terms) are not failures
 * whatever we do: we record our outcome in the tally. The pinned file has none. The tally also pins
 * where rejection happens: every invalid case of this file gets past key decoding (which checks
 * only that the key is a curve point) and is rejected by verification.
 */
class Ed25519WycheproofTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void everyWycheproofCaseGetsTheExpectedVerdict() throws IOException {
    JsonNode root = new ObjectMapper().readTree(TestKeys.bytes("wycheproof/ed25519_test.json"));
    List<String> failures = new ArrayList<>();
    Map<String, Integer> tally = new TreeMap<>();
    int count = 0;
    for (JsonNode group : root.get("testGroups")) {
      byte[] publicKey = HEX.parseHex(group.get("publicKey").get("pk").asText());
      for (JsonNode test : group.get("tests")) {
        count++;
        String result = test.get("result").asText();
        String outcome =
            outcome(
                publicKey,
                HEX.parseHex(test.get("msg").asText()),
                HEX.parseHex(test.get("sig").asText()));
        tally.merge(result + " -> " + outcome, 1, Integer::sum);
        boolean accepted = outcome.equals("verified");
        boolean wrong =
            (result.equals("valid") && !accepted) || (result.equals("invalid") && accepted);
        if (wrong) {
          failures.add(
              "tcId "
                  + test.get("tcId").asInt()
                  + " ("
                  + test.get("comment").asText()
                  + "): expected "
                  + result
                  + ", got "
                  + outcome);
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(root.get("numberOfTests").asInt(), count);
    assertEquals(151, count);
    assertEquals(
        Map.of("invalid -> rejected by signature", 63, "valid -> verified", 88),
        tally,
        "outcome tally");
  }

  private static String outcome(byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.of(publicKey);
    } catch (MalformedDataException e) {
      return "rejected key";
    }
    try {
      Ed25519Signatures.verify(key, message, signature);
      return "verified";
    } catch (SignatureVerificationException e) {
      return "rejected by signature";
    }
  }
}
