package org.markproof.contracts.entry;

/**
 * The size bounds every parser of statements and signed entries enforces. They keep one entry far
 * below {@link #MAX_ENTRY_BYTES} even at every list's maximum, so an oversized input is always
 * reported by the field that grew, not only by the total.
 */
public final class EntryLimits {
  /** Largest signed entry or statement accepted as input, in bytes of UTF-8 JSON text. */
  public static final int MAX_ENTRY_BYTES = 64 * 1024;

  /** Deepest nesting of JSON objects and arrays accepted (a statement needs four). */
  public static final int MAX_DEPTH = 8;

  /** Longest participant, license, post or scan identifier. */
  public static final int MAX_IDENTIFIER_LENGTH = 64;

  /** Longest trademark registration number. */
  public static final int MAX_REGISTRATION_NUMBER_LENGTH = 32;

  /** Longest display name of a participant, in UTF-16 code units. */
  public static final int MAX_DISPLAY_NAME_LENGTH = 200;

  /** Longest verbal element of a word mark, in UTF-16 code units. */
  public static final int MAX_MARK_TEXT_LENGTH = 500;

  /** Longest product description, in UTF-16 code units. */
  public static final int MAX_DESCRIPTION_LENGTH = 1000;

  /** Most serials one {@code label.revoked} statement may name. */
  public static final int MAX_SERIALS_PER_REVOCATION = 1000;

  /** Most GTINs one license scope may list. */
  public static final int MAX_SCOPE_GTINS = 1000;

  /** Most GS1 company prefixes one license scope may list. */
  public static final int MAX_SCOPE_COMPANY_PREFIXES = 100;

  /** Most territories (WIPO ST.3 codes) one license or product may list. */
  public static final int MAX_TERRITORIES = 300;

  /** Largest number of serials one batch may announce. */
  public static final long MAX_SERIAL_COUNT = 1_000_000_000L;

  private EntryLimits() {}
}
