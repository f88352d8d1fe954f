package org.markproof.contracts.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.TestKeys;
import org.markproof.contracts.note.UnverifiedNoteException;

class CheckpointVerifierTest {
  private static final String SUMDB_ORIGIN = "go.sum database tree";
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC);

  private static Ed25519NoteVerifier sumdbKey() throws MalformedDataException {
    return Ed25519NoteVerifier.parse(TestKeys.line("checkpoint/sum.golang.org.vkey"));
  }

  @Test
  void opensARealGoChecksumDatabaseCheckpoint() throws Exception {
    VerifiedCheckpoint verified =
        CheckpointVerifier.forLog(sumdbKey(), SUMDB_ORIGIN)
            .open(TestKeys.bytes("checkpoint/sumdb-6476701.note"));
    Checkpoint checkpoint = verified.checkpoint();
    assertEquals(SUMDB_ORIGIN, checkpoint.origin());
    assertEquals(6476701, checkpoint.size());
    assertEquals(
        "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=",
        Base64.getEncoder().encodeToString(checkpoint.rootHash()));
    assertEquals(List.of(), verified.cosignatures());
  }

  @Test
  void byDefaultTheOriginMustBeTheKeyName() throws Exception {
    OriginMismatchException e =
        assertThrows(
            OriginMismatchException.class,
            () ->
                CheckpointVerifier.forLog(sumdbKey())
                    .open(TestKeys.bytes("checkpoint/sumdb-6476701.note")));
    assertEquals("sum.golang.org", e.expectedOrigin());
    assertEquals(SUMDB_ORIGIN, e.actualOrigin());
  }

  @Test
  void rejectsTheRealCheckpointWithATamperedSize() throws Exception {
    String note =
        new String(TestKeys.bytes("checkpoint/sumdb-6476701.note"), StandardCharsets.UTF_8)
            .replace("6476701", "6476702");
    CheckpointVerifier log = CheckpointVerifier.forLog(sumdbKey(), SUMDB_ORIGIN);
    NoteSignatureException e =
        assertThrows(
            NoteSignatureException.class, () -> log.open(note.getBytes(StandardCharsets.UTF_8)));
    assertEquals("sum.golang.org", e.keyName());
    assertEquals(0x033de0ae, e.keyId());
  }

  @Test
  void opensTheCrossCheckNoteWithItsWitness() throws Exception {
    Ed25519NoteVerifier log =
        Ed25519NoteVerifier.parse(TestKeys.line("checkpoint/crosscheck-log.vkey"));
    Ed25519CosignatureVerifier witness =
        Ed25519CosignatureVerifier.parse(TestKeys.line("checkpoint/crosscheck-witness.vkey"));
    byte[] note = TestKeys.bytes("checkpoint/crosscheck-cosigned.note");
    VerifiedCheckpoint verified =
        CheckpointVerifier.forLog(log).open(note, NoteVerifiers.of(witness));
    assertEquals(7, verified.checkpoint().size());
    assertEquals(1, verified.cosignatures().size());
    assertEquals(1_767_225_600L, verified.cosignatures().get(0).timestamp());
    assertTrue(verified.isCosignedBy(witness.name(), witness.keyId()));
    VerifiedCheckpoint logOnly = CheckpointVerifier.forLog(log).open(note);
    assertEquals(List.of(), logOnly.cosignatures());
    assertEquals(1, logOnly.note().ignored().size());
  }

  @Test
  void aNoteCosignedButNotSignedByTheLogIsRejected() throws Exception {
    Ed25519NoteSigner log = TestKeys.signer("example.com/log");
    Ed25519CosignatureSigner witness =
        Ed25519CosignatureSigner.of("witness.example", TestKeys.key("w"), CLOCK);
    String text = Checkpoint.of("example.com/log", 3, new byte[32]).format();
    byte[] note = SignedNote.sign(text, List.of(witness)).toBytes();
    UnverifiedNoteException e =
        assertThrows(
            UnverifiedNoteException.class,
            () ->
                CheckpointVerifier.forLog(log.verifier())
                    .open(note, NoteVerifiers.of(witness.verifier())));
    assertTrue(e.getMessage().contains("log key"), e.getMessage());
  }

  @Test
  void aFailingKnownWitnessRejectsTheCheckpoint() throws Exception {
    Ed25519NoteSigner log = TestKeys.signer("example.com/log");
    Ed25519CosignatureSigner witness =
        Ed25519CosignatureSigner.of("witness.example", TestKeys.key("w"), CLOCK);
    String text = Checkpoint.of("example.com/log", 3, new byte[32]).format();
    SignedNote good = SignedNote.sign(text, List.of(log, witness));
    NoteSignature cosignature = good.signatures().get(1);
    byte[] bad = cosignature.signature();
    bad[8] ^= 1; // first byte of the Ed25519 signature, after the timestamp
    byte[] note =
        new SignedNote(
                text,
                List.of(
                    good.signatures().get(0),
                    new NoteSignature(cosignature.name(), cosignature.keyId(), bad)))
            .toBytes();
    NoteSignatureException e =
        assertThrows(
            NoteSignatureException.class,
            () ->
                CheckpointVerifier.forLog(log.verifier())
                    .open(note, NoteVerifiers.of(witness.verifier())));
    assertEquals("witness.example", e.keyName());
  }

  @Test
  void aSignedTextThatIsNotACheckpointIsMalformed() throws Exception {
    Ed25519NoteSigner log = TestKeys.signer("example.com/log");
    byte[] note = SignedNote.sign("example.com/log\nnot a size\n", List.of(log)).toBytes();
    assertThrows(
        MalformedDataException.class, () -> CheckpointVerifier.forLog(log.verifier()).open(note));
  }

  @Test
  void rejectsAnOriginThatCannotBeALine() throws Exception {
    Ed25519NoteVerifier log = TestKeys.signer("example.com/log").verifier();
    assertThrows(MalformedDataException.class, () -> CheckpointVerifier.forLog(log, ""));
    assertThrows(MalformedDataException.class, () -> CheckpointVerifier.forLog(log, "a\nb"));
  }
}
