package org.markproof.contracts.verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Sha256;

/**
 * A signed verdict's text in two parts, for storage: the document without its {@code evidence}
 * member, and that member's value in canonical form. Every scan of one batch against one checkpoint
 * carries the same evidence (the checkpoint, the entries, their proofs: about 4.7 kB of a 6 kB
 * genuine verdict), so it is stored once, named by its SHA-256. {@link #join} gives back the signed
 * text byte for byte: the text is canonical apart from the signature member, which comes last, and
 * canonicalising a parse of canonical JSON gives the same bytes.
 *
 * @param rest the signed text with the evidence member (and its comma) cut out, UTF-8 JSON
 * @param evidence the evidence member's value as it stood in the signed text, UTF-8 JSON
 */
public record VerdictParts(byte[] rest, byte[] evidence) {
  /** The member split off. */
  public static final String EVIDENCE = "evidence";

  private static final byte[] NAME = ("\"" + EVIDENCE + "\":").getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /**
   * Splits {@code signed} at its evidence member; empty if it has none (a document whose tree was
   * not written directly, which this package never builds, also has no span).
   */
  public static Optional<VerdictParts> split(VerdictSignature.Signed signed) {
    byte[] text = signed.text();
    int start = signed.evidenceStart();
    int end = signed.evidenceEnd();
    if (start < 0 || end <= start || end > text.length || !startsWithName(text, start)) {
      return Optional.empty();
    }
    // The member is never the last (the signature is), so a comma follows it; cut that too.
    if (end >= text.length || text[end] != ',') {
      return Optional.empty();
    }
    byte[] evidence = Arrays.copyOfRange(text, start + NAME.length, end);
    byte[] rest = new byte[text.length - (end + 1 - start)];
    System.arraycopy(text, 0, rest, 0, start);
    System.arraycopy(text, end + 1, rest, start, text.length - end - 1);
    return Optional.of(new VerdictParts(rest, evidence));
  }

  /** SHA-256 of {@link #evidence}: the name it is stored under. */
  public byte[] evidenceId() {
    return Sha256.hash(evidence);
  }

  /**
   * The signed text these parts came from.
   *
   * @throws MalformedDataException if either part is not the JSON {@link #split} cut out
   */
  public byte[] join() throws MalformedDataException {
    ObjectNode document;
    JsonNode value;
    try {
      JsonNode parsed = JSON.readTree(rest);
      value = JSON.readTree(evidence);
      if (parsed == null || !parsed.isObject() || value == null || parsed.has(EVIDENCE)) {
        throw new MalformedDataException("stored verdict: not a document and its evidence");
      }
      document = (ObjectNode) parsed;
    } catch (JsonProcessingException e) {
      throw new MalformedDataException("stored verdict: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new MalformedDataException("stored verdict: " + e.getMessage());
    }
    document.set(EVIDENCE, value);
    return VerdictSignature.text(document);
  }

  private static boolean startsWithName(byte[] text, int at) {
    if (at + NAME.length > text.length) {
      return false;
    }
    for (int i = 0; i < NAME.length; i++) {
      if (text[at + i] != NAME[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerdictParts p
        && Arrays.equals(rest, p.rest)
        && Arrays.equals(evidence, p.evidence);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rest) + Arrays.hashCode(evidence);
  }

  @Override
  public String toString() {
    return "VerdictParts[rest=" + rest.length + " bytes, evidence=" + evidence.length + " bytes]";
  }
}
