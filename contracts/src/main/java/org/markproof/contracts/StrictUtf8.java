package org.markproof.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 refusing what Java's default decoding would silently replace: malformed sequences,
 * unpaired surrogates encoded as bytes, truncated characters.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * The text of {@code bytes[from, to)}.
   *
   * @throws CharacterCodingException if those bytes are not well-formed UTF-8
   */
  public static String decode(byte[] bytes, int from, int to) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, from, to - from))
        .toString();
  }

  /** The text of all of {@code bytes}; see {@link #decode(byte[], int, int)}. */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    return decode(bytes, 0, bytes.length);
  }
}
