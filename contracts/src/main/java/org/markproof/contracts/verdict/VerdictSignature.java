package org.markproof.contracts.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.entry.CanonicalJson;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.VerifierKey;

/**
 * The signature over a verdict document (docs/verdicts.md "The signature"). A document names its
 * format; the signed message follows from it:
 *
 * <ul>
 *   <li>{@code markproof/verdict/v2} (written now): Ed25519 over {@code "markproof/verdict/v2\n"}
 *       followed by the 32-byte SHA-256 of the RFC 8785 canonical form of the document without its
 *       {@code signature} member. Ed25519 hashes its message with SHA-512 twice when signing and
 *       once when verifying; a ~6 kB document made that most of a verdict's signing cost.
 *   <li>{@code markproof/verdict/v1} (written before 2026-11-26 22:10 UTC, still verified): Ed25519
 *       over {@code "markproof/verdict/v1\n"} followed by the canonical form itself.
 * </ul>
 *
 * The verdict key is named and identified as a signed-note key, so its text form is {@code
 * name+hexid+base64(0x01‖key)}.
 */
public final class VerdictSignature {
  /** The format of the documents written now, also the domain tag of their signed message. */
  public static final String FORMAT = "markproof/verdict/v2";

  /** The first format: the signed message holds the canonical form itself. Still verified. */
  public static final String FORMAT_V1 = "markproof/verdict/v1";

  /** The formats a document may name. */
  public static final java.util.List<String> FORMATS = java.util.List.of(FORMAT, FORMAT_V1);

  /** The member that holds the signature; everything else is signed. */
  public static final String MEMBER = "signature";

  private static final byte[] DOMAIN = (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DOMAIN_V1 = (FORMAT_V1 + "\n").getBytes(StandardCharsets.US_ASCII);

  private VerdictSignature() {}

  /**
   * The bytes signed for {@code document}, by the format it names (a document without one is
   * written as {@link #FORMAT}).
   *
   * @throws IllegalArgumentException if it names a format other than {@link #FORMATS}
   */
  public static byte[] message(ObjectNode document) {
    ObjectNode unsigned = document;
    if (document.has(MEMBER)) {
      // Verifying, or signing again: the signature member is not signed. A document about to be
      // signed has none, and is not copied.
      unsigned = document.deepCopy();
      unsigned.remove(MEMBER);
    }
    JsonNode format = document.get("format");
    if (format != null && FORMAT_V1.equals(format.textValue())) {
      return concat(DOMAIN_V1, CanonicalJson.bytes(unsigned));
    }
    if (format != null && !FORMAT.equals(format.textValue())) {
      throw new IllegalArgumentException("verdict format " + format + " is not one of " + FORMATS);
    }
    return withDomain(CanonicalJson.bytes(unsigned));
  }

  /** The {@link #FORMAT} message: the domain tag and the SHA-256 of the canonical form. */
  private static byte[] withDomain(byte[] canonical) {
    return concat(DOMAIN, Sha256.hash(canonical));
  }

  private static byte[] concat(byte[] domain, byte[] body) {
    byte[] message = new byte[domain.length + body.length];
    System.arraycopy(domain, 0, message, 0, domain.length);
    System.arraycopy(body, 0, message, domain.length, body.length);
    return message;
  }

  /**
   * Signs {@code document} in place with {@code signer}, replacing any {@code signature} member,
   * and returns it.
   */
  public static ObjectNode sign(ObjectNode document, Ed25519NoteSigner signer) {
    document.set(MEMBER, member(signer, signer.sign(message(document))));
    return document;
  }

  /**
   * Signs {@code document} in place as {@link #sign} does and returns its JSON text, written once:
   * the canonical form the signature is computed over, with the {@code signature} member added
   * last. Valid JSON whose members other than {@code signature} are in RFC 8785 order; a verifier
   * parses it and canonicalises again, as for any other text of the document.
   */
  public static String signedText(ObjectNode document, Ed25519NoteSigner signer) {
    return new String(signedBytes(document, signer), StandardCharsets.UTF_8);
  }

  /** {@link #signedText}'s JSON as UTF-8 bytes, never widened to a Java string on the way. */
  public static byte[] signedBytes(ObjectNode document, Ed25519NoteSigner signer) {
    return signed(document, signer).text();
  }

  /**
   * A signed document's text as {@link #signedBytes} writes it, and where its {@code evidence}
   * member lies in it (for storing the evidence, which many verdicts share, once: {@link
   * VerdictParts}).
   *
   * @param evidenceStart the offset of the member's name, or -1 if the document has none
   * @param evidenceEnd the offset just past the member's value, or -1
   */
  public record Signed(byte[] text, int evidenceStart, int evidenceEnd) {}

  /** Signs {@code document} in place as {@link #signedBytes} does, keeping the evidence's span. */
  public static Signed signed(ObjectNode document, Ed25519NoteSigner signer) {
    unsign(document);
    return sign(
        document, CanonicalJson.bytes(document, document.get(VerdictParts.EVIDENCE)), signer);
  }

  /**
   * Signs {@code withoutEvidence} with {@code evidence} (canonical bytes, as {@link
   * org.markproof.contracts.entry.CanonicalJson#bytes(JsonNode)} writes the member's value) as its
   * {@code evidence} member, and returns the text {@link #signed(ObjectNode, Ed25519NoteSigner)}
   * gives for the whole document, byte for byte. {@code withoutEvidence} gets the {@code signature}
   * member, as there.
   *
   * @throws IllegalArgumentException if the document has an {@code evidence} member already, or
   *     names another format than {@link #FORMAT}
   */
  public static Signed signed(
      ObjectNode withoutEvidence, byte[] evidence, Ed25519NoteSigner signer) {
    unsign(withoutEvidence);
    return sign(
        withoutEvidence,
        CanonicalJson.withMember(withoutEvidence, VerdictParts.EVIDENCE, evidence),
        signer);
  }

  /** Checks that {@code document} is a {@link #FORMAT} one and drops any signature member. */
  private static void unsign(ObjectNode document) {
    JsonNode format = document.get("format");
    if (format != null && !FORMAT.equals(format.textValue())) {
      throw new IllegalArgumentException(
          "signedText writes " + FORMAT + " documents, not " + format);
    }
    document.remove(MEMBER);
  }

  /** Signs {@code canonical}, sets the member on {@code document}, and writes it last. */
  private static Signed sign(
      ObjectNode document, CanonicalJson.Marked canonical, Ed25519NoteSigner signer) {
    ObjectNode member = member(signer, signer.sign(withDomain(canonical.bytes())));
    document.set(MEMBER, member);
    return new Signed(
        withMember(canonical.bytes(), CanonicalJson.bytes(member)),
        canonical.start(),
        canonical.end());
  }

  /**
   * The text {@link #signedBytes} wrote for a document it signed, from the document (parsed from
   * any JSON text of it): the canonical form without the {@code signature} member, then that
   * member. Checks nothing; {@link #verify} does.
   *
   * @throws MalformedDataException if the document has no {@code signature} object
   */
  public static byte[] text(ObjectNode signedDocument) throws MalformedDataException {
    JsonNode member = signedDocument.get(MEMBER);
    if (member == null || !member.isObject()) {
      throw new MalformedDataException("verdict: no signature member");
    }
    ObjectNode unsigned = signedDocument.deepCopy();
    unsigned.remove(MEMBER);
    return withMember(CanonicalJson.bytes(unsigned), CanonicalJson.bytes(member));
  }

  /** {@code canonical} ({@code "{...}"}) with the signature member added last. */
  private static byte[] withMember(byte[] canonical, byte[] memberText) {
    byte[] name = ("\"" + MEMBER + "\":").getBytes(StandardCharsets.US_ASCII);
    boolean empty = canonical.length <= 2;
    byte[] out = new byte[canonical.length + (empty ? 0 : 1) + name.length + memberText.length];
    int at = canonical.length - 1;
    System.arraycopy(canonical, 0, out, 0, at);
    if (!empty) {
      out[at++] = ',';
    }
    System.arraycopy(name, 0, out, at, name.length);
    at += name.length;
    System.arraycopy(memberText, 0, out, at, memberText.length);
    at += memberText.length;
    out[at] = '}';
    return out;
  }

  private static ObjectNode member(Ed25519NoteSigner signer, byte[] signature) {
    ObjectNode member = JsonNodeFactory.instance.objectNode();
    member.put("key", signer.name() + "+" + VerifierKey.hexKeyId(signer.keyId()));
    member.put("algorithm", "Ed25519");
    member.put("value", Base64.getEncoder().encodeToString(signature));
    return member;
  }

  /**
   * Checks {@code document}'s signature with {@code verifier}.
   *
   * @throws MalformedDataException if the {@code signature} member is missing or malformed
   * @throws SignatureVerificationException if it names another key or does not verify
   */
  public static void verify(ObjectNode document, Ed25519NoteVerifier verifier)
      throws MalformedDataException, SignatureVerificationException {
    JsonNode member = document.get(MEMBER);
    if (member == null || !member.isObject()) {
      throw new MalformedDataException("verdict: no signature member");
    }
    String key = text(member, "key");
    String algorithm = text(member, "algorithm");
    String value = text(member, "value");
    if (!"Ed25519".equals(algorithm)) {
      throw new MalformedDataException("verdict signature: algorithm " + algorithm);
    }
    String expected = verifier.name() + "+" + VerifierKey.hexKeyId(verifier.keyId());
    if (!expected.equals(key)) {
      throw new SignatureVerificationException(
          "verdict signed by key " + key + ", not by " + expected);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException("verdict signature: value is not base64");
    }
    byte[] message;
    try {
      message = message(document);
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(e.getMessage());
    }
    verifier.verify(message, signature);
  }

  private static String text(JsonNode member, String name) throws MalformedDataException {
    JsonNode value = member.get(name);
    if (value == null || !value.isTextual()) {
      throw new MalformedDataException("verdict signature: missing " + name);
    }
    return value.textValue();
  }
}
