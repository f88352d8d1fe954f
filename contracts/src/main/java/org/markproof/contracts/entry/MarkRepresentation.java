package org.markproof.contracts.entry;

import java.util.Arrays;
import java.util.HexFormat;

/** The sign a trademark protects: words, or an image identified by its SHA-256 digest. */
public sealed interface MarkRepresentation {
  /** The wire name: {@code word} or {@code figurative}. */
  String type();

  /** A word mark: the protected verbal element. */
  record WordMark(String text) implements MarkRepresentation {
    public WordMark {
      FieldSyntax.require("mark text", FieldSyntax.text(text, EntryLimits.MAX_MARK_TEXT_LENGTH));
    }

    @Override
    public String type() {
      return "word";
    }
  }

  /**
   * A figurative mark: the SHA-256 digest of the image as filed at the office, so the image itself
   * stays outside the log while any copy of it can be checked against the entry.
   */
  record FigurativeMark(byte[] imageSha256) implements MarkRepresentation {
    public FigurativeMark {
      if (imageSha256 == null || imageSha256.length != 32) {
        throw new IllegalArgumentException("mark imageSha256: expected 32 bytes");
      }
      imageSha256 = imageSha256.clone();
    }

    @Override
    public byte[] imageSha256() {
      return imageSha256.clone();
    }

    @Override
    public String type() {
      return "figurative";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FigurativeMark other && Arrays.equals(imageSha256, other.imageSha256);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(imageSha256);
    }

    @Override
    public String toString() {
      return "FigurativeMark[imageSha256=" + HexFormat.of().formatHex(imageSha256) + "]";
    }
  }
}
