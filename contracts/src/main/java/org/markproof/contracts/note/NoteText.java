package org.markproof.contracts.note;

import org.markproof.contracts.MalformedDataException;

/**
 * The character rules of c2sp.org/signed-note §Format: a signed note is valid UTF-8 and contains no
 * ASCII control character (below U+0020) other than newline. Key names are also non-empty and
 * contain neither Unicode spaces nor plus (U+002B).
 */
public final class NoteText {
  private NoteText() {}

  /**
   * Checks that {@code bytes[from, to)} is well-formed UTF-8 (RFC 3629: no overlong forms, no
   * surrogates, nothing above U+10FFFF) without control characters other than newline.
   *
   * @throws MalformedDataException naming {@code what} and the offset of the first bad byte
   */
  public static void requireValid(byte[] bytes, int from, int to, String what)
      throws MalformedDataException {
    int bad = firstInvalid(bytes, from, to);
    if (bad >= 0) {
      throw new MalformedDataException(
          what
              + ": byte 0x"
              + Integer.toHexString(bytes[bad] & 0xff)
              + " at offset "
              + bad
              + " is not valid UTF-8 without control characters other than newline");
    }
  }

  /**
   * Checks that {@code text} has no unpaired surrogate (so it encodes to UTF-8 unchanged) and no
   * control character other than newline.
   *
   * @throws MalformedDataException naming {@code what} and the index of the first bad char
   */
  public static void requireValid(String text, String what) throws MalformedDataException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i));
      } else {
        bad = Character.isLowSurrogate(c) || (c < 0x20 && c != '\n');
      }
      if (bad) {
        throw new MalformedDataException(
            what + ": character at index " + i + " is a control character or unpaired surrogate");
      }
    }
  }

  /**
   * Checks a key name: non-empty, no Unicode space (the White_Space property, as Go's {@code
   * unicode.IsSpace}), no '+', and otherwise acceptable in a note.
   *
   * @throws MalformedDataException naming {@code what} and the offending name
   */
  public static void requireValidKeyName(String name, String what) throws MalformedDataException {
    if (name == null || name.isEmpty()) {
      throw new MalformedDataException(what + ": key name is empty");
    }
    requireValid(name, what);
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+' || isUnicodeSpace(cp)) {
        throw new MalformedDataException(
            what + ": key name \"" + name + "\" contains a space or '+' at index " + i);
      }
      i += Character.charCount(cp);
    }
  }

  /** Returns whether {@code name} satisfies {@link #requireValidKeyName}. */
  public static boolean isValidKeyName(String name) {
    try {
      requireValidKeyName(name, "key name");
      return true;
    } catch (MalformedDataException e) {
      return false;
    }
  }

  /** The Unicode White_Space property: Zs, Zl, Zp plus TAB, LF, VT, FF, CR and NEL. */
  static boolean isUnicodeSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || Character.isSpaceChar(cp);
  }

  /** Returns the index of the first byte that breaks the rules, or -1. */
  static int firstInvalid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        if (c < 0x20 && c != '\n') {
          return i;
        }
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        lo = c == 0xe0 ? 0xa0 : 0x80; // no overlong 3-byte forms
        hi = c == 0xed ? 0x9f : 0xbf; // no UTF-16 surrogates
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        lo = c == 0xf0 ? 0x90 : 0x80; // no overlong 4-byte forms
        hi = c == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
      } else {
        return i;
      }
      if (i + need >= to) {
        return i; // truncated sequence
      }
      int second = b[i + 1] & 0xff;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= need; k++) {
        int next = b[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return i;
        }
      }
      i += need + 1;
    }
    return -1;
  }
}
