package org.markproof.contracts.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.MalformedDataException;

class VerifierKeyTest {
  private static final String GO_KEY = TestKeys.line("note/go-peterneumann.vkey");

  @Test
  void parsesTheSignedNoteSpecExampleKey() throws MalformedDataException {
    VerifierKey key = VerifierKey.parse(TestKeys.line("note/c2sp-example.vkey"));
    assertEquals("example.com/foo", key.name());
    assertEquals(0x530d903a, key.keyId());
    assertEquals(VerifierKey.TYPE_ED25519, key.type());
    assertArrayEquals(
        HexFormat.of().parseHex("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4"),
        key.publicKey());
    assertEquals(TestKeys.line("note/c2sp-example.vkey"), key.text());
  }

  @Test
  void computesTheKeyIdOfGoExampleFromNameTypeAndKey() throws MalformedDataException {
    VerifierKey parsed = VerifierKey.parse(GO_KEY);
    VerifierKey built =
        VerifierKey.of("PeterNeumann", VerifierKey.TYPE_ED25519, parsed.publicKey());
    assertEquals(0xc74f20a3, built.keyId());
    assertEquals(GO_KEY, built.text());
    assertEquals(parsed, built);
  }

  @Test
  void acceptsUppercaseHexLikeGoAndFormatsLowercase() throws MalformedDataException {
    String upper = GO_KEY.replace("c74f20a3", "C74F20A3");
    assertEquals(GO_KEY, VerifierKey.parse(upper).text());
  }

  /** The manglings of Go's {@code TestNewVerifier}: every proper substring, every byte plus one. */
  @Test
  void rejectsEverySubstringAndEveryChangedCharacterOfGoKey() {
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i <= GO_KEY.length(); i++) {
      for (int j = i + 1; j <= GO_KEY.length(); j++) {
        if (i != 0 || j != GO_KEY.length()) {
          tryParse(GO_KEY.substring(i, j), accepted);
        }
      }
    }
    char[] chars = GO_KEY.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i]++;
      tryParse(new String(chars), accepted);
      chars[i]--;
    }
    assertEquals(List.of(), accepted);
  }

  private static void tryParse(String text, List<String> accepted) {
    try {
      VerifierKey.parse(text);
      accepted.add(text);
    } catch (MalformedDataException expected) {
      // rejected, as it must be
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Go's own bad keys: wrong key length and unknown algorithm, each with a matching id.
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "",
        "PeterNeumann",
        "PeterNeumann+c74f20a3",
        "PeterNeumann+c74f20a3+",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+0xc74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+ ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n",
      })
  void rejectsMalformedKeys(String text) {
    assertThrows(MalformedDataException.class, () -> VerifierKey.parse(text));
  }

  @Test
  void rejectsUnsupportedSignatureTypeEvenWithMatchingId() throws MalformedDataException {
    byte[] key = VerifierKey.parse(GO_KEY).publicKey();
    byte[] typed = new byte[33];
    typed[0] = 0x02;
    System.arraycopy(key, 0, typed, 1, 32);
    int id = VerifierKey.keyIdOf("PeterNeumann", (byte) 0x02, key);
    String text = "PeterNeumann+" + VerifierKey.hexKeyId(id) + "+" + CanonicalBase64.encode(typed);
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> VerifierKey.parse(text));
    assertEquals("verifier key: signature type 0x02 is not supported", e.getMessage());
  }

  @Test
  void typeIsPartOfTheKeyId() throws MalformedDataException {
    byte[] key = VerifierKey.parse(GO_KEY).publicKey();
    VerifierKey cosignature = VerifierKey.of("PeterNeumann", VerifierKey.TYPE_COSIGNATURE, key);
    assertEquals(VerifierKey.keyIdOf("PeterNeumann", (byte) 4, key), cosignature.keyId());
    assertEquals(false, cosignature.keyId() == 0xc74f20a3);
    assertEquals('B', cosignature.text().charAt(cosignature.text().lastIndexOf("+B") + 1));
  }

  @Test
  void rejectsAKeyNameThatIsNotAllowed() {
    byte[] key = new byte[32];
    assertThrows(
        MalformedDataException.class, () -> VerifierKey.of("a+b", VerifierKey.TYPE_ED25519, key));
    assertThrows(
        MalformedDataException.class, () -> VerifierKey.of("", VerifierKey.TYPE_ED25519, key));
  }
}
