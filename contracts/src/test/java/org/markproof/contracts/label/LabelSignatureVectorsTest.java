package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * Runs the {@code markproof/label/v1} vectors of {@code label/signature-v1/} (made by the
 * independent {@code generate.py}) and proves that the copies in {@code contracts/README.md} are
 * the same.
 */
class LabelSignatureVectorsTest {
  private static final List<String> CASES =
      List.of(
          "01-basic.txt",
          "02-percent-encoding.txt",
          "03-gtin13-expiry.txt",
          "04-another-host.txt",
          "11-tampered-serial.txt",
          "12-other-key.txt",
          "13-bit-flipped-signature.txt",
          "14-tampered-batch.txt",
          "15-swapped-batch-serial.txt",
          "16-non-canonical-base64.txt");

  @Test
  void everyVectorSignsAndVerifiesAsListed() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String name : CASES) {
      Map<String, String> vector = read(name);
      try {
        check(vector, failures, name);
      } catch (MalformedDataException | RuntimeException e) {
        failures.add(name + ": " + e);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void readmeCarriesTheSameVectors() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (String name : CASES) {
      Map<String, String> vector = read(name);
      for (String key : List.of("seed", "public-key", "message-hex", "signature", "uri")) {
        String value = vector.get(key);
        if (value != null && !readme.contains(value)) {
          missing.add(name + " " + key + " " + value);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  private static void check(Map<String, String> vector, List<String> failures, String name)
      throws MalformedDataException {
    HexFormat hex = HexFormat.of();
    Ed25519PublicKey publicKey = Ed25519PublicKey.of(hex.parseHex(vector.get("public-key")));
    DigitalLink parsed = DigitalLink.parse(vector.get("uri"));
    boolean verifies;
    try {
      LabelVerifier.verify(publicKey, parsed);
      verifies = true;
    } catch (LabelSignatureException e) {
      verifies = false;
    }
    if (vector.get("expect").equals("invalid")) {
      if (verifies) {
        failures.add(name + ": verified but the vector says invalid");
      }
      return;
    }
    if (!verifies) {
      failures.add(name + ": did not verify");
    }
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(hex.parseHex(vector.get("seed")));
    if (!key.publicKey().equals(publicKey)) {
      failures.add(name + ": public key of the seed is " + key.publicKey());
    }
    String expiry = vector.get("expiry");
    Gs1Fields fields =
        Gs1Fields.of(
            Gtin.parse(vector.get("gtin")),
            vector.get("batch"),
            vector.get("serial"),
            expiry == null ? null : Gs1Date.parse("AI (17)", expiry),
            null);
    String message = hex.formatHex(LabelMessage.v1(fields));
    if (!message.equals(vector.get("message-hex"))) {
      failures.add(name + ": message " + message);
    }
    DigitalLink signed = LabelSigner.forResolver(vector.get("base")).sign(key, fields);
    if (!signed.toUri().equals(vector.get("uri"))) {
      failures.add(name + ": signed URI " + signed.toUri());
    }
    if (!signed.signature().orElse("").equals(vector.get("signature"))) {
      failures.add(name + ": signature " + signed.signature());
    }
  }

  private static Map<String, String> read(String name) throws IOException {
    Map<String, String> vector = new LinkedHashMap<>();
    try (InputStream in =
        LabelSignatureVectorsTest.class.getResourceAsStream("/label/signature-v1/" + name)) {
      assertTrue(in != null, "missing vector " + name);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          vector.put(line.substring(0, colon), line.substring(colon + 2));
        }
      }
    }
    return vector;
  }
}
