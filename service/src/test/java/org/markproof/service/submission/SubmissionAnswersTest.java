package org.markproof.service.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.service.intake.Accepted;

class SubmissionAnswersTest {
  @Test
  void theAcceptedBodyCarriesTheFourFieldsAsJson() throws Exception {
    byte[] leafHash = new byte[32];
    for (int i = 0; i < leafHash.length; i++) {
      leafHash[i] = (byte) (i * 7 + 250);
    }
    // A receipt is a signed note: newlines, an em dash, and here also a quote and a backslash.
    String receipt = "markproof/receipt/v1\nlog \"x\" \\ y\n\n\u2014 key AAAA\n";
    Accepted accepted =
        new Accepted(
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
            leafHash,
            Instant.parse("2026-11-27T17:40:01.123456Z"),
            receipt,
            false);

    byte[] body = SubmissionAnswers.acceptedBody(accepted);
    JsonNode json = new ObjectMapper().readTree(body);

    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("submission", "leafHash", "receipt", "acceptedAt"), names);
    assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", json.get("submission").asText());
    assertArrayEquals(leafHash, Base64.getDecoder().decode(json.get("leafHash").asText()));
    assertEquals(receipt, json.get("receipt").asText());
    assertEquals("2026-11-27T17:40:01.123456Z", json.get("acceptedAt").asText());
    // UTF-8, the em dash unescaped as Jackson writes it for the REST layer.
    String text = new String(body, StandardCharsets.UTF_8);
    assertEquals(true, text.contains("\u2014 key AAAA\\n"), text);
  }
}
