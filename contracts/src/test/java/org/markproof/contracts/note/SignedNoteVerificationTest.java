package org.markproof.contracts.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.SignatureVerificationException;

/** The trust rules of c2sp.org/signed-note §Signatures and our bounds. */
class SignedNoteVerificationTest {
  private static final String TEXT =
      "example.com/log\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

  private static List<Ed25519NoteSigner> signers(int count) {
    List<Ed25519NoteSigner> signers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signers.add(TestKeys.signer("witness-" + i + ".example"));
    }
    return signers;
  }

  private static NoteVerifiers verifiersOf(List<Ed25519NoteSigner> signers)
      throws MalformedDataException {
    return NoteVerifiers.of(signers.stream().map(Ed25519NoteSigner::verifier).toList());
  }

  @Test
  void signsWithSeveralSignersAndVerifiesWithAnySubset() throws Exception {
    List<Ed25519NoteSigner> three = signers(3);
    SignedNote note = SignedNote.sign(TEXT, three);
    VerifiedNote opened =
        SignedNote.open(note.toBytes(), NoteVerifiers.of(three.get(1).verifier()));
    assertTrue(opened.isVerifiedBy(three.get(1).verifier()));
    assertEquals(2, opened.ignored().size());
    assertEquals(3, SignedNote.open(note.toBytes(), verifiersOf(three)).verified().size());
  }

  @Test
  void acceptsSixteenSignaturesAllVerified() throws Exception {
    List<Ed25519NoteSigner> sixteen = signers(16);
    SignedNote note = SignedNote.sign(TEXT, sixteen);
    assertEquals(16, SignedNote.open(note.toBytes(), verifiersOf(sixteen)).verified().size());
  }

  @Test
  void acceptsTheMaximumAndRejectsOneSignatureMore() throws Exception {
    Ed25519NoteSigner log = TestKeys.signer("example.com/log");
    String line = SignedNote.sign(TEXT, List.of(log)).signatures().get(0).line() + "\n";
    String max = TEXT + "\n" + line.repeat(SignedNote.MAX_SIGNATURES);
    NoteVerifiers known = NoteVerifiers.of(log.verifier());
    assertEquals(1, SignedNote.open(utf8(max), known).verified().size());
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> SignedNote.open(utf8(max + line), known));
    assertTrue(e.getMessage().contains("more than 100 signature lines"), e.getMessage());
  }

  @Test
  void rejectsAnOversizedNoteBeforeReadingIt() {
    byte[] huge = new byte[SignedNote.MAX_NOTE_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> SignedNote.parse(huge));
    assertTrue(e.getMessage().contains("more than " + SignedNote.MAX_NOTE_BYTES), e.getMessage());
  }

  @Test
  void signRefusesToMakeANoteItWouldReject() {
    String text = "x".repeat(SignedNote.MAX_NOTE_BYTES) + "\n";
    assertThrows(
        MalformedDataException.class,
        () -> SignedNote.sign(text, List.of(TestKeys.signer("example.com/log"))));
  }

  @Test
  void ignoresKeysSharingOnlyTheNameOrOnlyTheId() throws Exception {
    Ed25519NoteSigner log = TestKeys.signer("example.com/log");
    Ed25519NoteSigner sameNameOtherKey = Ed25519NoteSigner.of("example.com/log", TestKeys.key("x"));
    NoteSignature real = SignedNote.sign(TEXT, List.of(log)).signatures().get(0);
    NoteSignature sameIdOtherName =
        new NoteSignature("other.example", log.keyId(), real.signature());
    SignedNote note =
        new SignedNote(
            TEXT,
            List.of(
                SignedNote.sign(TEXT, List.of(sameNameOtherKey)).signatures().get(0),
                sameIdOtherName,
                real));
    VerifiedNote opened = note.verify(NoteVerifiers.of(log.verifier()));
    assertEquals(List.of(real), opened.verified());
    assertEquals(2, opened.ignored().size());
  }

  @Test
  void oneFailingKnownSignatureRejectsTheWholeNoteEvenWhenAnotherVerifies() throws Exception {
    List<Ed25519NoteSigner> two = signers(2);
    SignedNote good = SignedNote.sign(TEXT, two);
    NoteSignature second = good.signatures().get(1);
    byte[] bad = second.signature();
    bad[0] ^= 1;
    SignedNote note =
        new SignedNote(
            TEXT,
            List.of(
                good.signatures().get(0), new NoteSignature(second.name(), second.keyId(), bad)));
    NoteSignatureException e =
        assertThrows(NoteSignatureException.class, () -> note.verify(verifiersOf(two)));
    assertEquals(two.get(1).name(), e.keyName());
    assertEquals(two.get(1).keyId(), e.keyId());
  }

  @Test
  void addSignaturesReplacesAnEarlierSignatureBySameKey() throws Exception {
    Ed25519NoteSigner log = TestKeys.signer("example.com/log");
    Ed25519NoteSigner witness = TestKeys.signer("witness.example");
    SignedNote once = SignedNote.sign(TEXT, List.of(log, witness));
    SignedNote again = once.addSignatures(List.of(log));
    assertEquals(
        List.of("witness.example", "example.com/log"),
        again.signatures().stream().map(NoteSignature::name).toList());
  }

  @Test
  void theSameKeyTwiceIsKeptOnceButTwoKeysWithOneNameAndIdAreAmbiguous() throws Exception {
    Ed25519NoteVerifier log = TestKeys.signer("example.com/log").verifier();
    assertEquals(
        1, NoteVerifiers.of(log, log, Ed25519NoteVerifier.parse(log.verifierKey().text())).size());
    NoteVerifier impostor = new Impostor(log, TestKeys.signer("other").verifier().verifierKey());
    assertThrows(MalformedDataException.class, () -> NoteVerifiers.of(log, impostor));
  }

  @Test
  void looksUpByNameAndIdTogether() throws Exception {
    Ed25519NoteVerifier log = TestKeys.signer("example.com/log").verifier();
    NoteVerifiers known = NoteVerifiers.of(log);
    assertSame(log, known.find("example.com/log", log.keyId()).orElseThrow());
    assertTrue(known.find("example.com/log", log.keyId() + 1).isEmpty());
    assertTrue(known.find("example.com/lo", log.keyId()).isEmpty());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Claims another key's name and id: only a misconfigured key set could contain it. */
  private record Impostor(NoteVerifier victim, VerifierKey own) implements NoteVerifier {
    @Override
    public String name() {
      return victim.name();
    }

    @Override
    public int keyId() {
      return victim.keyId();
    }

    @Override
    public VerifierKey verifierKey() {
      return own;
    }

    @Override
    public void verify(byte[] text, byte[] signature) throws SignatureVerificationException {
      throw new SignatureVerificationException("impostor");
    }
  }
}
