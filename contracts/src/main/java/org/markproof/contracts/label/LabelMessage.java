package org.markproof.contracts.label;

import java.nio.charset.StandardCharsets;
import org.markproof.contracts.MalformedDataException;

/**
 * The bytes a markproof label signature covers, version 1 ({@code markproof/label/v1}):
 *
 * <pre>
 * "markproof/label/v1" LF "/01/" gtin14 "/10/" batch "/21/" serial LF
 * </pre>
 *
 * <p>in UTF-8 (all of it ASCII), where LF is 0x0A, {@code gtin14} the 14-digit GTIN, and {@code
 * batch} and {@code serial} the AI (10) and (21) values percent-encoded exactly as in a Digital
 * Link path ({@link UriPercentEncoding#encode}: everything outside {@code A-Z a-z 0-9 - . _ ~} as
 * {@code %XX}, upper-case hex). That is {@link DigitalLink#canonicalPath()}, so the message is
 * independent of how a given URI spelled its escapes, and of the host: a resolver can move without
 * re-printing. Batch and serial are both required: the batch finds the label key (it is registered
 * per GTIN and batch), the serial names the item (AI 8030 requires AI 21).
 *
 * <p>AI (17) and the query's other parameters are not signed; nothing may rely on them. A future
 * change to what is signed gets a new tag ({@code markproof/label/v2}); the tag keeps a signature
 * made for one purpose from being valid for another.
 */
public final class LabelMessage {
  /** The domain-separation tag of this version. */
  public static final String TAG_V1 = "markproof/label/v1";

  private LabelMessage() {}

  /**
   * The v1 message for {@code fields}.
   *
   * @throws MalformedDataException if AI (10) or AI (21) is missing
   */
  public static byte[] v1(Gs1Fields fields) throws MalformedDataException {
    if (fields.batch().isEmpty()) {
      throw new MalformedDataException(
          "label message: AI (10) batch missing; the label key is found by GTIN and batch");
    }
    if (fields.serial().isEmpty()) {
      throw new MalformedDataException("label message: AI (21) serial missing");
    }
    return (TAG_V1 + "\n" + DigitalLink.canonicalPath(fields) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
