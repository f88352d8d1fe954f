package org.markproof.contracts.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

/** The published notes of the signed-note spec and of Go's sumdb/note, and tampered variants. */
class SignedNoteVectorsTest {
  private static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";

  private static NoteVerifier peter() throws MalformedDataException {
    return Ed25519NoteVerifier.parse(TestKeys.line("note/go-peterneumann.vkey"));
  }

  private static NoteVerifier enoch() throws MalformedDataException {
    return Ed25519NoteVerifier.parse(TestKeys.line("note/go-enochroot.vkey"));
  }

  @Test
  void opensTheSignedNoteSpecExample() throws Exception {
    NoteVerifier key = Ed25519NoteVerifier.parse(TestKeys.line("note/c2sp-example.vkey"));
    VerifiedNote note =
        SignedNote.open(TestKeys.bytes("note/c2sp-example.note"), NoteVerifiers.of(key));
    assertEquals("This is an example message.\n", note.text());
    assertEquals(1, note.verified().size());
    assertEquals(0x530d903a, note.verified().get(0).keyId());
  }

  @Test
  void opensGoExampleNote() throws Exception {
    VerifiedNote note =
        SignedNote.open(TestKeys.bytes("note/go-peterneumann.note"), NoteVerifiers.of(peter()));
    assertEquals(GO_TEXT, note.text());
    assertEquals("PeterNeumann", note.verified().get(0).name());
    assertEquals(0xc74f20a3, note.verified().get(0).keyId());
  }

  @Test
  void signingGoExampleTextWithGoSignerKeyGivesGoNoteByteForByte() throws Exception {
    Ed25519NoteSigner signer = Ed25519NoteSigner.parse(TestKeys.line("note/go-peterneumann.skey"));
    SignedNote note = SignedNote.sign(GO_TEXT, List.of(signer));
    assertArrayEquals(TestKeys.bytes("note/go-peterneumann.note"), note.toBytes());
  }

  @Test
  void addingGoSecondSignerGivesGoDoublySignedNote() throws Exception {
    SignedNote peterOnly = SignedNote.parse(TestKeys.bytes("note/go-peterneumann.note"));
    byte[] doubly = TestKeys.bytes("note/go-peterneumann-enochroot.note");
    NoteSignature enochSignature = SignedNote.parse(doubly).signatures().get(1);
    NoteSigner replay = new ReplaySigner(enochSignature);
    assertArrayEquals(doubly, peterOnly.addSignatures(List.of(replay)).toBytes());
  }

  @Test
  void verifiesOneKnownKeyAndIgnoresTheUnknownOne() throws Exception {
    VerifiedNote note =
        SignedNote.open(
            TestKeys.bytes("note/go-peterneumann-enochroot.note"), NoteVerifiers.of(peter()));
    assertEquals(
        List.of("PeterNeumann"), note.verified().stream().map(NoteSignature::name).toList());
    assertEquals(List.of("EnochRoot"), note.ignored().stream().map(NoteSignature::name).toList());
  }

  @Test
  void verifiesBothWhenBothKeysAreKnown() throws Exception {
    VerifiedNote note =
        SignedNote.open(
            TestKeys.bytes("note/go-peterneumann-enochroot.note"),
            NoteVerifiers.of(peter(), enoch()));
    assertEquals(2, note.verified().size());
    assertEquals(List.of(), note.ignored());
  }

  @Test
  void rejectsANoteWithNoKnownKeyAndCarriesTheParsedNote() {
    UnverifiedNoteException e =
        assertThrows(
            UnverifiedNoteException.class,
            () ->
                SignedNote.open(
                    TestKeys.bytes("note/go-peterneumann-enochroot.note"), NoteVerifiers.none()));
    assertEquals(2, e.note().signatures().size());
  }

  @Test
  void rejectsTamperedText() {
    String tampered =
        new String(TestKeys.bytes("note/go-peterneumann.note"), StandardCharsets.UTF_8)
            .replace("answer", "Answer");
    NoteSignatureException e =
        assertThrows(
            NoteSignatureException.class,
            () -> SignedNote.open(utf8(tampered), NoteVerifiers.of(peter())));
    assertEquals("PeterNeumann", e.keyName());
    assertEquals(0xc74f20a3, e.keyId());
  }

  @Test
  void rejectsEachTamperedSignatureByte() throws Exception {
    SignedNote note = SignedNote.parse(TestKeys.bytes("note/go-peterneumann.note"));
    NoteSignature good = note.signatures().get(0);
    NoteVerifiers known = NoteVerifiers.of(peter());
    for (int i = 0; i < good.signature().length; i++) {
      byte[] bad = good.signature();
      bad[i] ^= 0x01;
      SignedNote tampered =
          new SignedNote(note.text(), List.of(new NoteSignature(good.name(), good.keyId(), bad)));
      assertThrows(
          NoteSignatureException.class,
          () -> SignedNote.open(tampered.toBytes(), known),
          "signature byte " + i);
    }
  }

  @Test
  void aTamperedKeyIdMakesTheSignatureUnknown() throws Exception {
    SignedNote note = SignedNote.parse(TestKeys.bytes("note/go-peterneumann.note"));
    NoteSignature good = note.signatures().get(0);
    SignedNote tampered =
        new SignedNote(
            note.text(),
            List.of(new NoteSignature(good.name(), good.keyId() ^ 1, good.signature())));
    UnverifiedNoteException e =
        assertThrows(
            UnverifiedNoteException.class,
            () -> SignedNote.open(tampered.toBytes(), NoteVerifiers.of(peter())));
    assertEquals(good.keyId() ^ 1, e.note().signatures().get(0).keyId());
  }

  /** Go's "invalid signature" case: four base64 characters inserted into the signature. */
  @Test
  void rejectsGoInvalidSignatureCase() {
    String note = new String(TestKeys.bytes("note/go-peterneumann.note"), StandardCharsets.UTF_8);
    int at = note.indexOf("\u2014") + 60;
    String bad = note.substring(0, at) + "ABCD" + note.substring(at);
    assertThrows(
        NoteSignatureException.class, () -> SignedNote.open(utf8(bad), NoteVerifiers.of(peter())));
  }

  /**
   * Go's duplicate case: repeated lines count once, and a bad line by an unknown key is ignored.
   */
  @Test
  void dropsRepeatedLinesAndIgnoresBadLinesByUnknownKeys() throws Exception {
    String doubly =
        new String(TestKeys.bytes("note/go-peterneumann-enochroot.note"), StandardCharsets.UTF_8);
    String[] lines = doubly.split("\n");
    String peterLine = lines[3] + "\n";
    String enochLine = lines[4] + "\n";
    String enochAbcd = enochLine.substring(0, 60) + "ABCD" + enochLine.substring(60);
    String note = GO_TEXT + "\n" + peterLine + peterLine + enochLine + enochLine + enochAbcd;
    VerifiedNote opened = SignedNote.open(utf8(note), NoteVerifiers.of(peter()));
    assertEquals(1, opened.verified().size());
    assertEquals(2, opened.ignored().size());
  }

  @Test
  void quasimodoExampleKeepsItsEmptyLineAndIsUnverifiedWithoutItsKey() throws Exception {
    SignedNote note = SignedNote.parse(TestKeys.bytes("note/c2sp-quasimodo-example.note"));
    assertEquals(
        "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\n"
            + "ed \u00e8 subito sera.\n",
        note.text());
    assertEquals("quasimodo.example/salvatore", note.signatures().get(0).name());
    assertArrayEquals(TestKeys.bytes("note/c2sp-quasimodo-example.note"), note.toBytes());
    assertThrows(UnverifiedNoteException.class, () -> note.verify(NoteVerifiers.none()));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Replays a published signature, to rebuild a published note without the private key. */
  private record ReplaySigner(NoteSignature signature) implements NoteSigner {
    @Override
    public String name() {
      return signature.name();
    }

    @Override
    public int keyId() {
      return signature.keyId();
    }

    @Override
    public byte[] sign(byte[] text) {
      return signature.signature();
    }

    @Override
    public NoteVerifier verifier() {
      throw new UnsupportedOperationException();
    }
  }
}
