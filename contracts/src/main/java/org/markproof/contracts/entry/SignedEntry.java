package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.crypto.VerifiedSignatures;

/**
 * A statement with its submitter's Ed25519 signature: what a participant submits, and what the log
 * stores in one leaf together with its sequencing time ({@link LogEntry}).
 *
 * <p>The entry's bytes ({@link #encoded()}) are the RFC 8785 canonical JSON of
 *
 * <pre>{"keyId":KEYID,"signature":SIG,"statement":STATEMENT}</pre>
 *
 * where {@code KEYID} is the {@link KeyId} of the signing key, {@code SIG} the standard base64 with
 * padding (RFC 4648 §4) of the 64-byte Ed25519 signature (RFC 8032 §5.1.6) over exactly {@link
 * #statementBytes()}, the canonical JSON of {@code STATEMENT}, checked by RFC 8032 §5.1.7's
 * cofactored equation ({@link VerifiedSignatures}). Nothing else is signed: the statement's {@code
 * "type":"markproof/statement/v1"} member separates these signatures from any other protocol's.
 *
 * <p>A final class rather than a record so that the canonical bytes are computed once: they are
 * hashed into the tree and verified at every replay.
 */
public final class SignedEntry {
  private final Statement statement;
  private final KeyId keyId;
  private final byte[] signature;
  private final byte[] statementBytes;
  private final byte[] encoded;

  private SignedEntry(Statement statement, KeyId keyId, byte[] signature) {
    this(statement, StatementCodec.toJson(statement), keyId, signature);
  }

  private SignedEntry(
      Statement statement, ObjectNode statementJson, KeyId keyId, byte[] signature) {
    this(statement, statementJson, CanonicalJson.bytes(statementJson), keyId, signature);
  }

  private SignedEntry(
      Statement statement,
      ObjectNode statementJson,
      byte[] statementBytes,
      KeyId keyId,
      byte[] signature) {
    this.statement = statement;
    this.keyId = keyId;
    this.signature = signature;
    this.statementBytes = statementBytes;
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("keyId", keyId.value());
    envelope.put("signature", Base64.getEncoder().encodeToString(signature));
    envelope.set("statement", statementJson);
    this.encoded = CanonicalJson.bytes(envelope);
  }

  /**
   * Assembles an entry; the signature is not checked here (see {@link #verify}).
   *
   * @throws IllegalArgumentException if {@code signature} is not 64 bytes
   */
  public static SignedEntry of(Statement statement, KeyId keyId, byte[] signature) {
    FieldSyntax.present("statement", statement);
    FieldSyntax.present("keyId", keyId);
    if (FieldSyntax.present("signature", signature).length != Ed25519Signatures.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException(
          "signature: got " + signature.length + " bytes, expected 64");
    }
    return new SignedEntry(statement, keyId, signature.clone());
  }

  /**
   * Signs {@code statement}'s canonical bytes with {@code signer} and assembles the entry, writing
   * the statement's JSON and canonical form once for both ({@link EntrySigner}).
   */
  static SignedEntry signed(Statement statement, KeyId keyId, UnaryOperator<byte[]> signer) {
    FieldSyntax.present("statement", statement);
    FieldSyntax.present("keyId", keyId);
    ObjectNode statementJson = StatementCodec.toJson(statement);
    byte[] statementBytes = CanonicalJson.bytes(statementJson);
    byte[] signature = signer.apply(statementBytes);
    return new SignedEntry(statement, statementJson, statementBytes, keyId, signature);
  }

  /**
   * Parses an entry from JSON text in any formatting, as a submission arrives. Errors name the JSON
   * path ({@code keyId}, {@code statement.scope.gtins[3]}, …).
   */
  public static SignedEntry parse(byte[] json) throws MalformedDataException {
    return read(StrictJsonReader.read(json, ""));
  }

  /** Reads an entry from an already parsed JSON value, for envelopes that embed one. */
  static SignedEntry read(JsonValue value) throws MalformedDataException {
    JsonFields f = value.object("keyId", "signature", "statement");
    JsonValue keyIdValue = f.required("keyId");
    String keyIdText = keyIdValue.text(43);
    keyIdValue.check(KeyId.problem(keyIdText));
    JsonValue signatureValue = f.required("signature");
    byte[] signature = FieldReaders.base64(signatureValue, 88);
    if (signature.length != Ed25519Signatures.SIGNATURE_LENGTH) {
      throw signatureValue.error("got " + signature.length + " bytes, expected 64");
    }
    Statement statement = StatementCodec.read(f.required("statement"));
    return new SignedEntry(statement, new KeyId(keyIdText), signature);
  }

  /**
   * Parses an entry that must already be in its canonical encoding, so that one entry has exactly
   * one byte string (and so one leaf hash).
   */
  public static SignedEntry parseCanonical(byte[] canonical) throws MalformedDataException {
    SignedEntry entry = parse(canonical);
    if (!Arrays.equals(entry.encoded, canonical)) {
      throw new MalformedDataException("entry: not in RFC 8785 canonical form");
    }
    return entry;
  }

  /**
   * Checks that {@code key} is the key this entry names and that the signature over {@link
   * #statementBytes()} verifies with it.
   *
   * @throws SignatureVerificationException naming the key ids when {@code key} is another key, or
   *     when the signature does not verify
   */
  public void verify(Ed25519PublicKey key) throws SignatureVerificationException {
    verify(key, VerifiedSignatures.none());
  }

  /**
   * As {@link #verify(Ed25519PublicKey)}, through {@code memo}: answered from memory when this
   * exact entry verified with {@code key} before.
   */
  public void verify(Ed25519PublicKey key, VerifiedSignatures memo)
      throws SignatureVerificationException {
    KeyId actual = KeyId.of(key);
    if (!actual.equals(keyId)) {
      throw new SignatureVerificationException(
          "entry names key " + keyId + " but was checked with key " + actual);
    }
    memo.verify(key, statementBytes, signature);
  }

  public Statement statement() {
    return statement;
  }

  public KeyId keyId() {
    return keyId;
  }

  /** The 64-byte Ed25519 signature. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The RFC 8785 canonical JSON of the statement: the signed bytes. */
  public byte[] statementBytes() {
    return statementBytes.clone();
  }

  /**
   * The RFC 8785 canonical JSON of the whole entry, embedded in the log's leaf ({@link LogEntry}).
   */
  public byte[] encoded() {
    return encoded.clone();
  }

  byte[] encodedRef() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedEntry other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "SignedEntry["
        + statement.kind()
        + " by "
        + statement.submitter()
        + ", key "
        + keyId
        + "]";
  }
}
