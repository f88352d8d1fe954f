package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.SignatureVerificationException;

/** The signed-entry golden of {@code entry/golden} (see its README) and the key id vector. */
class SignedEntryGoldenTest {
  private static final String DIR = "entry/golden/";

  private static Ed25519PrivateKey seedKey() throws MalformedDataException {
    String seed =
        new String(TestResources.bytes(DIR + "signed-entry.seed.hex"), StandardCharsets.US_ASCII);
    return Ed25519PrivateKey.fromSeed(HexFormat.of().parseHex(seed.strip()));
  }

  @Test
  void keyIdIsTheRfc8037JwkThumbprint() throws MalformedDataException {
    // RFC 8037 appendix A.2 public key "x", appendix A.3 thumbprint.
    byte[] x = Base64.getUrlDecoder().decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    assertEquals(
        new KeyId("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"), KeyId.of(Ed25519PublicKey.of(x)));
  }

  @Test
  void signingTheGoldenStatementGivesTheGoldenLeafBytes() throws Exception {
    byte[] canonical = TestResources.bytes(DIR + "signed-entry.canonical.json");
    SignedEntry parsed = SignedEntry.parse(TestResources.bytes(DIR + "signed-entry.input.json"));
    SignedEntry signed = EntrySigner.sign(parsed.statement(), seedKey());
    assertArrayEquals(canonical, signed.encoded());
    assertEquals(parsed, signed);
    String hex =
        new String(TestResources.bytes(DIR + "signed-entry.hex"), StandardCharsets.US_ASCII);
    assertEquals(hex.strip(), HexFormat.of().formatHex(signed.encoded()));
  }

  @Test
  void signingWithAMemoGivesTheSameEntryAndRemembersItsSignature() throws Exception {
    SignedEntry parsed = SignedEntry.parse(TestResources.bytes(DIR + "signed-entry.input.json"));
    org.markproof.contracts.crypto.VerifiedSignatures memo =
        new org.markproof.contracts.crypto.VerifiedSignatures(64);
    SignedEntry signed = EntrySigner.sign(parsed.statement(), seedKey(), memo);
    assertArrayEquals(EntrySigner.sign(parsed.statement(), seedKey()).encoded(), signed.encoded());
    assertTrue(
        memo.remembers(seedKey().publicKey(), signed.statementBytes(), signed.signature()),
        "the memo holds what the rules will look up: the statement's canonical bytes");
  }

  @Test
  void goldenEntryVerifiesWithItsKeyAndParsesAsACanonicalLeaf() throws Exception {
    byte[] canonical = TestResources.bytes(DIR + "signed-entry.canonical.json");
    SignedEntry entry = SignedEntry.parseCanonical(canonical);
    entry.verify(seedKey().publicKey());
    assertArrayEquals(StatementCodec.canonicalBytes(entry.statement()), entry.statementBytes());
  }

  @Test
  void nonCanonicalLeafIsRejected() {
    byte[] input = TestResources.bytes(DIR + "signed-entry.input.json");
    MalformedDataException e =
        assertThrows(MalformedDataException.class, () -> SignedEntry.parseCanonical(input));
    assertEquals("entry: not in RFC 8785 canonical form", e.getMessage());
  }

  @Test
  void rejectsASignatureOverAnotherStatement() throws Exception {
    SignedEntry golden =
        SignedEntry.parse(TestResources.bytes(DIR + "signed-entry.canonical.json"));
    ParticipantEnrolled original = (ParticipantEnrolled) golden.statement();
    ParticipantEnrolled renamed =
        new ParticipantEnrolled(
            original.submitter(),
            original.participant(),
            "Someone else",
            original.role(),
            original.publicKey());
    SignedEntry forged = SignedEntry.of(renamed, golden.keyId(), golden.signature());
    assertThrows(SignatureVerificationException.class, () -> forged.verify(seedKey().publicKey()));
  }

  @Test
  void rejectsVerificationWithAKeyTheEntryDoesNotName() throws Exception {
    SignedEntry golden =
        SignedEntry.parse(TestResources.bytes(DIR + "signed-entry.canonical.json"));
    Ed25519PrivateKey other = Ed25519PrivateKey.fromSeed(new byte[32]);
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> golden.verify(other.publicKey()));
    assertEquals(
        "entry names key kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k but was checked with key "
            + KeyId.of(other.publicKey()),
        e.getMessage());
  }
}
