package org.markproof.contracts.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.TestKeys;
import org.markproof.contracts.note.UnverifiedNoteException;

/** c2sp.org/tlog-policy: the spec's two-level example with real keys, k-of-n, and bad files. */
class TlogPolicyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC);
  private static final String ORIGIN = "example.com/log";
  private static final Ed25519NoteSigner LOG = TestKeys.signer(ORIGIN);

  private static Ed25519CosignatureSigner witness(String name) {
    try {
      return Ed25519CosignatureSigner.of(name + ".example", TestKeys.key(name), CLOCK);
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  private static String vkey(NoteSigner signer) {
    return signer.verifier().verifierKey().text();
  }

  /** The example of the spec, §Example policy, with keys and comments filled in. */
  private static String specExample() {
    StringBuilder policy = new StringBuilder("# markproof test policy\nlog " + vkey(LOG) + "\n\n");
    for (String w : List.of("X1", "X2", "X3")) {
      policy.append("witness ").append(w).append(' ').append(vkey(witness(w))).append('\n');
    }
    policy.append("group X-witnesses 2 X1 X2 X3\n\n");
    for (String w : List.of("Y1", "Y2", "Y3")) {
      policy.append("\twitness  ").append(w).append('\t').append(vkey(witness(w))).append(" \n");
    }
    return policy
        .append("group Y-witnesses any Y1 Y2 Y3\n\n")
        .append("group X-and-Y all X-witnesses Y-witnesses\n   # the quorum\nquorum X-and-Y\n")
        .toString();
  }

  private static TlogPolicy policy(String text) throws MalformedDataException {
    return TlogPolicy.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] checkpointCosignedBy(String origin, String... witnesses) throws Exception {
    List<NoteSigner> signers = new ArrayList<>(List.of(LOG));
    for (String w : witnesses) {
      signers.add(witness(w));
    }
    String text = Checkpoint.of(origin, 10, new byte[32]).format();
    return SignedNote.sign(text, signers).toBytes();
  }

  @Test
  void parsesTheSpecExample() throws MalformedDataException {
    TlogPolicy policy = policy(specExample());
    assertEquals(1, policy.logs().size());
    assertEquals(6, policy.witnesses().size());
    assertEquals(
        List.of(
            new PolicyGroup("X-witnesses", 2, List.of("X1", "X2", "X3")),
            new PolicyGroup("Y-witnesses", 1, List.of("Y1", "Y2", "Y3")),
            new PolicyGroup("X-and-Y", 2, List.of("X-witnesses", "Y-witnesses"))),
        policy.groups());
    assertEquals("X-and-Y", policy.quorum());
  }

  @Test
  void canonicalFormatParsesBackToTheSamePolicy() throws MalformedDataException {
    TlogPolicy policy =
        policy(specExample() + "witness Z " + vkey(witness("Z")) + " https://z.example/\n");
    assertEquals(policy.format(), policy(policy.format()).format());
    assertTrue(policy.format().contains("witness Z "), policy.format());
  }

  @Test
  void twoXAndOneYSatisfyTheQuorum() throws Exception {
    VerifiedCheckpoint checkpoint =
        policy(specExample()).verify(checkpointCosignedBy(ORIGIN, "X1", "X3", "Y2"));
    assertEquals(3, checkpoint.cosignatures().size());
  }

  @Test
  void allSixSatisfyTheQuorum() throws Exception {
    policy(specExample()).verify(checkpointCosignedBy(ORIGIN, "X1", "X2", "X3", "Y1", "Y2", "Y3"));
  }

  @Test
  void oneXIsNotEnoughAndTheExceptionSaysWhy() throws Exception {
    PolicyNotSatisfiedException e =
        assertThrows(
            PolicyNotSatisfiedException.class,
            () ->
                policy(specExample()).verify(checkpointCosignedBy(ORIGIN, "X2", "Y1", "Y2", "Y3")));
    assertEquals("X-and-Y", e.quorum());
    assertEquals(Set.of("X2", "Y1", "Y2", "Y3"), e.cosignedBy());
    assertEquals(
        List.of(
            "group X-and-Y needs 2 of [X-witnesses, Y-witnesses], has 1, missing [X-witnesses]",
            "group X-witnesses needs 2 of [X1, X2, X3], has 1, missing [X1, X3]"),
        e.shortfalls());
  }

  @Test
  void noYIsNotEnough() throws Exception {
    PolicyNotSatisfiedException e =
        assertThrows(
            PolicyNotSatisfiedException.class,
            () -> policy(specExample()).verify(checkpointCosignedBy(ORIGIN, "X1", "X2", "X3")));
    assertTrue(e.shortfalls().get(1).startsWith("group Y-witnesses needs 1"), e.getMessage());
  }

  @Test
  void noCosignatureIsNotEnough() {
    assertThrows(
        PolicyNotSatisfiedException.class,
        () -> policy(specExample()).verify(checkpointCosignedBy(ORIGIN)));
  }

  @Test
  void unknownWitnessesDoNotCount() throws Exception {
    assertThrows(
        PolicyNotSatisfiedException.class,
        () -> policy(specExample()).verify(checkpointCosignedBy(ORIGIN, "X1", "Q1", "Q2", "Y1")));
  }

  @Test
  void quorumNoneNeedsOnlyTheLog() throws Exception {
    TlogPolicy policy = policy("log " + vkey(LOG) + "\nquorum none\n");
    assertEquals(10, policy.verify(checkpointCosignedBy(ORIGIN)).checkpoint().size());
  }

  @Test
  void aSingleWitnessQuorum() throws Exception {
    TlogPolicy policy =
        policy("log " + vkey(LOG) + "\nwitness W " + vkey(witness("W")) + "\nquorum W\n");
    policy.verify(checkpointCosignedBy(ORIGIN, "W"));
    PolicyNotSatisfiedException e =
        assertThrows(
            PolicyNotSatisfiedException.class, () -> policy.verify(checkpointCosignedBy(ORIGIN)));
    assertEquals(List.of("witness W has not cosigned"), e.shortfalls());
  }

  @Test
  void theOriginMustBeTheLogKeyName() {
    OriginMismatchException e =
        assertThrows(
            OriginMismatchException.class,
            () ->
                policy(specExample())
                    .verify(checkpointCosignedBy("example.com/other", "X1", "X2", "Y1")));
    assertEquals(ORIGIN, e.expectedOrigin());
  }

  @Test
  void aCheckpointNotSignedByAPolicyLogIsRejected() throws Exception {
    String text = Checkpoint.of(ORIGIN, 10, new byte[32]).format();
    byte[] note =
        SignedNote.sign(text, List.of(witness("X1"), witness("X2"), witness("Y1"))).toBytes();
    assertThrows(UnverifiedNoteException.class, () -> policy(specExample()).verify(note));
  }

  @Test
  void aBadCosignatureByAPolicyWitnessRejectsEvenWhenTheQuorumIsMet() throws Exception {
    String text = Checkpoint.of(ORIGIN, 10, new byte[32]).format();
    String otherText = Checkpoint.of(ORIGIN, 11, new byte[32]).format();
    SignedNote good =
        SignedNote.sign(text, List.of(LOG, witness("X1"), witness("X2"), witness("Y1")));
    SignedNote stale = SignedNote.sign(otherText, List.of(witness("X3")));
    List<org.markproof.contracts.note.NoteSignature> lines = new ArrayList<>(good.signatures());
    lines.add(stale.signatures().get(0));
    byte[] note = new SignedNote(text, lines).toBytes();
    NoteSignatureException e =
        assertThrows(NoteSignatureException.class, () -> policy(specExample()).verify(note));
    assertEquals("X3.example", e.keyName());
  }

  @Test
  void aPolicyWithoutLogsUsesTheLogKnownFromContext() throws Exception {
    TlogPolicy policy = policy("witness W " + vkey(witness("W")) + "\nquorum W\n");
    CheckpointVerifier log = CheckpointVerifier.forLog(LOG.verifier());
    policy.verify(checkpointCosignedBy(ORIGIN, "W"), log);
    assertThrows(
        MalformedDataException.class, () -> policy.verify(checkpointCosignedBy(ORIGIN, "W")));
    assertThrows(
        PolicyNotSatisfiedException.class, () -> policy.verify(checkpointCosignedBy(ORIGIN), log));
  }

  static Stream<Arguments> malformedPolicies() {
    String log = "log " + vkey(LOG) + "\n";
    String w1 = "witness W1 " + vkey(witness("W1")) + "\n";
    String w2 = "witness W2 " + vkey(witness("W2")) + "\n";
    return Stream.of(
        Arguments.of("no quorum", log + w1),
        Arguments.of("two quorum lines", log + w1 + "quorum W1\nquorum W1\n"),
        Arguments.of("undefined quorum", log + "quorum W1\n"),
        Arguments.of("quorum before its witness", log + "quorum W1\n" + w1),
        Arguments.of("unknown keyword", log + w1 + "witnesses W1\nquorum W1\n"),
        Arguments.of("keyword in capitals", log + w1 + "Quorum W1\n"),
        Arguments.of("undefined group member", log + w1 + "group G 1 W1 W2\nquorum G\n"),
        Arguments.of("member listed twice", log + w1 + w2 + "group G 1 W1 W1\nquorum G\n"),
        Arguments.of(
            "member of two groups", log + w1 + w2 + "group G 1 W1 W2\ngroup H 1 W1\nquorum G\n"),
        Arguments.of("none as a member", log + w1 + "group G 1 W1 none\nquorum G\n"),
        Arguments.of(
            "witness named none", log + "witness none " + vkey(witness("W1")) + "\nquorum none\n"),
        Arguments.of("group named none", log + w1 + "group none 1 W1\nquorum none\n"),
        Arguments.of("duplicate name", log + w1 + "group W1 1 W1\nquorum W1\n"),
        Arguments.of("group without members", log + w1 + "group G 1\nquorum G\n"),
        Arguments.of("threshold zero", log + w1 + "group G 0 W1\nquorum G\n"),
        Arguments.of("threshold above n", log + w1 + "group G 2 W1\nquorum G\n"),
        Arguments.of("threshold with leading zero", log + w1 + w2 + "group G 02 W1 W2\nquorum G\n"),
        Arguments.of("negative threshold", log + w1 + "group G -1 W1\nquorum G\n"),
        Arguments.of("huge threshold", log + w1 + "group G 99999999999 W1\nquorum G\n"),
        Arguments.of("same log key twice", log + log + "quorum none\n"),
        Arguments.of(
            "same witness key under two names",
            log + w1 + w1.replace("W1 ", "W9 ") + "quorum W1\n"),
        Arguments.of("witness with a note key", log + "witness W " + vkey(LOG) + "\nquorum W\n"),
        Arguments.of(
            "log with a cosignature key", "log " + vkey(witness("W1")) + "\nquorum none\n"),
        Arguments.of(
            "log line with two URLs", "log " + vkey(LOG) + " https://a/ https://b/\nquorum none\n"),
        Arguments.of("witness without key", log + "witness W1\nquorum W1\n"),
        Arguments.of("quorum with two names", log + w1 + w2 + "quorum W1 W2\n"),
        Arguments.of("carriage return", log.replace("\n", "\r\n") + "quorum none\n"),
        Arguments.of("DEL character", log + "# \u007f\nquorum none\n"),
        Arguments.of("last line without newline", log + "quorum none"),
        Arguments.of("empty file", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPolicies")
  void rejectsMalformedPolicy(String why, String text) {
    assertThrows(MalformedDataException.class, () -> policy(text), why);
  }

  @Test
  void commentsMayHoldAnyHighOctetButNamesMustBeUtf8() throws Exception {
    byte[] comment =
        ("# caf\u00e9 \n" + "log " + vkey(LOG) + "\nquorum none\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(1, TlogPolicy.parse(comment).logs().size());
    byte[] name =
        ("log " + vkey(LOG) + "\nwitness W\u00e9 " + vkey(witness("W")) + "\nquorum none\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(MalformedDataException.class, () -> TlogPolicy.parse(name));
  }

  @Test
  void namesAreComparedExactlyWithoutNormalisation() throws Exception {
    String policy =
        "witness K "
            + vkey(witness("K"))
            + "\nwitness \u212a "
            + vkey(witness("Kelvin"))
            + "\nquorum \u212a\n";
    assertEquals("\u212a", policy(policy).quorum());
  }

  @Test
  void acceptsTheMostWitnessesAndNoMore() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < TlogPolicyParser.MAX_ENTRIES; i++) {
      text.append("witness W").append(i).append(' ').append(vkey(witness("W" + i))).append('\n');
    }
    assertEquals(TlogPolicyParser.MAX_ENTRIES, policy(text + "quorum none\n").witnesses().size());
    String more = text + "witness extra " + vkey(witness("extra")) + "\nquorum none\n";
    assertThrows(MalformedDataException.class, () -> policy(more));
  }
}
