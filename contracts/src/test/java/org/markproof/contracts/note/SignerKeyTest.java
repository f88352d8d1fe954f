package org.markproof.contracts.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

class SignerKeyTest {
  private static final String GO_SIGNER = TestKeys.line("note/go-peterneumann.skey");
  private static final String GO_VERIFIER = TestKeys.line("note/go-peterneumann.vkey");

  @Test
  void parsesGoSignerKeyAndDerivesItsVerifierKey() throws MalformedDataException {
    SignerKey key = SignerKey.parse(GO_SIGNER);
    assertEquals("PeterNeumann", key.name());
    assertEquals(0xc74f20a3, key.keyId());
    assertEquals(GO_VERIFIER, key.verifierKey().text());
    assertEquals(GO_SIGNER, key.text());
  }

  @Test
  void neverPrintsTheSeed() throws MalformedDataException {
    SignerKey key = SignerKey.parse(GO_SIGNER);
    String secret = GO_SIGNER.substring(GO_SIGNER.lastIndexOf("+A") + 1);
    assertFalse(key.toString().contains(secret));
    assertFalse(key.privateKey().toString().contains(secret));
  }

  /** The manglings of Go's {@code TestNewSigner}: every proper substring, every byte plus one. */
  @Test
  void rejectsEverySubstringAndEveryChangedCharacterOfGoSignerKey() {
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i <= GO_SIGNER.length(); i++) {
      for (int j = i + 1; j <= GO_SIGNER.length(); j++) {
        if (i != 0 || j != GO_SIGNER.length()) {
          tryParse(GO_SIGNER.substring(i, j), accepted);
        }
      }
    }
    char[] chars = GO_SIGNER.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i]++;
      tryParse(new String(chars), accepted);
      chars[i]--;
    }
    assertEquals(List.of(), accepted);
  }

  private static void tryParse(String text, List<String> accepted) {
    try {
      SignerKey.parse(text);
      accepted.add(text);
    } catch (MalformedDataException expected) {
      // rejected, as it must be
    }
  }

  @Test
  void generatedKeysRoundTripThroughTheirTextForms() throws Exception {
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate("EnochRoot", new SecureRandom());
    Ed25519NoteSigner reparsed = Ed25519NoteSigner.parse(signer.signerKey().text());
    Ed25519NoteVerifier verifier =
        Ed25519NoteVerifier.parse(signer.verifier().verifierKey().text());
    assertEquals("EnochRoot", reparsed.name());
    assertEquals(signer.keyId(), reparsed.keyId());
    assertEquals(signer.keyId(), verifier.keyId());
    byte[] message = "hi".getBytes();
    verifier.verify(message, reparsed.sign(message));
  }

  @Test
  void noteSignerRefusesACosignatureKey() throws MalformedDataException {
    SignerKey cosigner =
        SignerKey.of("witness", VerifierKey.TYPE_COSIGNATURE, TestKeys.key("witness"));
    assertThrows(MalformedDataException.class, () -> Ed25519NoteSigner.parse(cosigner.text()));
  }
}
