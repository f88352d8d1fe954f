package org.markproof.contracts.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.TestKeys;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifiedNote;
import org.markproof.contracts.note.VerifierKey;

/** c2sp.org/tlog-cosignature, Ed25519 (type 0x04). */
class CosignatureTest {
  private static final long TIME = 1_679_315_147L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(TIME), ZoneOffset.UTC);
  private static final String TEXT =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  private static Ed25519CosignatureSigner witness() throws MalformedDataException {
    return Ed25519CosignatureSigner.of("witness.example.com/w1", TestKeys.key("w1"), CLOCK);
  }

  @Test
  void signedMessageIsTheSpecExampleByteForByte() {
    String expected = "cosignature/v1\ntime 1679315147\n" + TEXT;
    assertArrayEquals(
        expected.getBytes(StandardCharsets.UTF_8),
        Cosignature.signedMessage(TIME, TEXT.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void decodesTheTimestampOfTheSpecExampleCosignature() throws MalformedDataException {
    SignedNote note = SignedNote.parse(TestKeys.bytes("checkpoint/c2sp-cosignature-example.note"));
    NoteSignature line = note.signatures().get(1);
    Cosignature cosignature = Cosignature.decode(line);
    assertEquals("witness.example.com/w1", cosignature.name());
    assertEquals(TIME, cosignature.timestamp());
    assertEquals(64, cosignature.signature().length);
    assertArrayEquals(line.signature(), cosignature.encode());
  }

  @Test
  void signsAndVerifiesAtTheClockTime() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    SignedNote note = SignedNote.sign(TEXT, List.of(witness));
    VerifiedNote verified = note.verify(NoteVerifiers.of(witness.verifier()));
    Cosignature cosignature = Cosignature.decode(verified.verified().get(0));
    assertEquals(TIME, cosignature.timestamp());
    assertEquals(Cosignature.ENCODED_LENGTH, note.signatures().get(0).signature().length);
  }

  @Test
  void cosignatureKeyIdUsesTypeFourAndDiffersFromTheNoteKeyId() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    VerifierKey key = witness.verifier().verifierKey();
    assertEquals(VerifierKey.TYPE_COSIGNATURE, key.type());
    assertEquals(
        VerifierKey.keyIdOf(key.name(), VerifierKey.TYPE_COSIGNATURE, key.publicKey()),
        witness.keyId());
    Ed25519NoteVerifier plain = Ed25519NoteVerifier.of(key.name(), witness.verifier().publicKey());
    assertNotEquals(plain.keyId(), witness.keyId());
    assertEquals('B', key.text().charAt(key.text().indexOf('+', key.name().length() + 1) + 1));
  }

  @Test
  void aPlainNoteKeyCannotStandInForTheCosignatureKey() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    Ed25519NoteVerifier plain =
        Ed25519NoteVerifier.of(witness.name(), witness.verifier().publicKey());
    byte[] note = SignedNote.sign(TEXT, List.of(witness)).toBytes();
    assertThrows(
        UnverifiedNoteException.class, () -> SignedNote.open(note, NoteVerifiers.of(plain)));
  }

  @Test
  void keyTextsRoundTrip() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    Ed25519CosignatureSigner reparsed =
        Ed25519CosignatureSigner.parse(witness.signerKey().text(), CLOCK);
    Ed25519CosignatureVerifier verifier =
        Ed25519CosignatureVerifier.parse(witness.verifier().verifierKey().text());
    assertEquals(witness.keyId(), reparsed.keyId());
    verifier.verify(
        TEXT.getBytes(StandardCharsets.UTF_8),
        reparsed.sign(TEXT.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keyTypesAreNotInterchangeable() throws Exception {
    String noteKey = TestKeys.signer("log.example").verifier().verifierKey().text();
    assertThrows(MalformedDataException.class, () -> Ed25519CosignatureVerifier.parse(noteKey));
    String cosignatureKey = witness().verifier().verifierKey().text();
    assertThrows(MalformedDataException.class, () -> Ed25519NoteVerifier.parse(cosignatureKey));
    String noteSigner = TestKeys.signer("log.example").signerKey().text();
    assertThrows(
        MalformedDataException.class, () -> Ed25519CosignatureSigner.parse(noteSigner, CLOCK));
  }

  @Test
  void rejectsAChangedTimestamp() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] signature = witness.sign(text);
    ByteBuffer.wrap(signature).putLong(TIME + 1);
    assertThrows(
        SignatureVerificationException.class, () -> witness.verifier().verify(text, signature));
  }

  @Test
  void rejectsAChangedCheckpointAndExtensionLines() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    byte[] signature = witness.sign(TEXT.getBytes(StandardCharsets.UTF_8), TIME);
    for (String other : List.of(TEXT.replace("20852163", "20852164"), TEXT + "extension\n")) {
      assertThrows(
          SignatureVerificationException.class,
          () -> witness.verifier().verify(other.getBytes(StandardCharsets.UTF_8), signature));
    }
  }

  @Test
  void rejectsATimestampAbove2To63AndWrongLengths() throws Exception {
    Ed25519CosignatureSigner witness = witness();
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] signature = witness.sign(text);
    signature[0] |= (byte) 0x80;
    assertThrows(
        SignatureVerificationException.class, () -> witness.verifier().verify(text, signature));
    assertThrows(
        SignatureVerificationException.class,
        () -> witness.verifier().verify(text, new byte[Cosignature.ENCODED_LENGTH - 1]));
    assertThrows(
        MalformedDataException.class,
        () -> Cosignature.decode(new NoteSignature("w", 1, signature)));
    assertThrows(
        MalformedDataException.class,
        () -> Cosignature.decode(new NoteSignature("w", 1, new byte[64])));
  }

  @Test
  void refusesToSignWithANegativeTime() throws Exception {
    Ed25519CosignatureSigner beforeEpoch =
        Ed25519CosignatureSigner.of(
            "w", TestKeys.key("w"), Clock.fixed(Instant.ofEpochSecond(-1), ZoneOffset.UTC));
    assertThrows(IllegalStateException.class, () -> beforeEpoch.sign(new byte[] {'\n'}));
  }
}
