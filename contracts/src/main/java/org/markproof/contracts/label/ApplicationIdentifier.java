package org.markproof.contracts.label;

import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * The GS1 Application Identifiers a markproof label may carry, with their syntax as the GS1 Barcode
 * Syntax Dictionary states it ({@code gs1/gs1-syntax-dictionary}, {@code
 * gs1-syntax-dictionary.txt}):
 *
 * <pre>
 * 01    *?  N14,csum,keyoff1   ex=255,37 dlpkey=22,10,21|235           # GTIN
 * 10     ?  X..20              req=01,02,03,8006,8026                  # BATCH/LOT
 * 17    *?  N6,yymmd0          req=01,02,03,255,8006,8026              # USE BY or EXPIRY
 * 21        X..20              req=01,03,8006 ex=235                   # SERIAL
 * 8030   ?  Z..90  req=00,01+21,253,255,8003,8004,8006+21,8010+8011,8017,8018  # DIGSIG
 * </pre>
 *
 * <p>{@code *} marks a predefined length that needs no FNC1 separator after it; {@code ?} an AI
 * allowed as a GS1 Digital Link data attribute (query parameter). Other AIs are outside markproof's
 * label format and are rejected by its parsers.
 */
public enum ApplicationIdentifier {
  GTIN("01", 14, 14, true),
  BATCH_LOT("10", 1, 20, false),
  EXPIRY("17", 6, 6, true),
  SERIAL("21", 1, 20, false),
  DIGITAL_SIGNATURE("8030", 1, 90, false);

  private final String code;
  private final int minLength;
  private final int maxLength;
  private final boolean predefinedLength;

  ApplicationIdentifier(String code, int minLength, int maxLength, boolean predefinedLength) {
    this.code = code;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.predefinedLength = predefinedLength;
  }

  /** The AI digits, e.g. {@code "01"}. */
  public String code() {
    return code;
  }

  public int maxLength() {
    return maxLength;
  }

  /**
   * Whether the AI has a predefined length, so that no FNC1 separator follows its value in an
   * element string (GS1 General Specifications §5.10.1, Figure 5.10.1-2).
   */
  public boolean predefinedLength() {
    return predefinedLength;
  }

  /** Looks an AI up by its digits. */
  public static Optional<ApplicationIdentifier> byCode(String code) {
    for (ApplicationIdentifier ai : values()) {
      if (ai.code.equals(code)) {
        return Optional.of(ai);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks {@code value} against this AI's format and linters.
   *
   * @throws MalformedDataException naming the AI and the rule that failed
   */
  public void validate(String value) throws MalformedDataException {
    String field = "AI (" + code + ")";
    if (value == null) {
      throw new MalformedDataException(field + ": no value");
    }
    int length = value.length();
    if (length < minLength || length > maxLength) {
      throw new MalformedDataException(
          field
              + ": got "
              + Math.min(length, 99_999)
              + " characters, expected "
              + (minLength == maxLength ? minLength : minLength + " to " + maxLength)
              + " ("
              + format()
              + ")");
    }
    switch (this) {
      case GTIN -> Gs1CheckDigit.verify(field, value);
      case EXPIRY -> Gs1Date.parse(field, value);
      case BATCH_LOT, SERIAL -> Gs1CharacterSets.requireCset82(field, value);
      case DIGITAL_SIGNATURE -> Gs1CharacterSets.requireCset64(field, value);
    }
  }

  /** The dictionary's format string, e.g. {@code "X..20"}. */
  public String format() {
    return switch (this) {
      case GTIN -> "N14,csum";
      case EXPIRY -> "N6,yymmd0";
      case BATCH_LOT, SERIAL -> "X.." + maxLength + ", CSET 82";
      case DIGITAL_SIGNATURE -> "Z.." + maxLength + ", CSET 64";
    };
  }
}
