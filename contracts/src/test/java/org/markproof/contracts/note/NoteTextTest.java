package org.markproof.contracts.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.MalformedDataException;

class NoteTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a+b",
        "a b",
        "a\tb",
        "a\nb",
        "a\u00a0b",
        "a\u2003b",
        "a\u3000b",
        "a\u2028b",
        "a\u0085b",
        "a\u0001b",
        "a\ud800b"
      })
  void rejectsKeyNamesWithSpacesPlusControlsOrBrokenText(String name) {
    assertFalse(NoteText.isValidKeyName(name));
    assertThrows(MalformedDataException.class, () -> NoteText.requireValidKeyName(name, "test"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com/log", "sum.golang.org", "Señor-1", "oid/1.3.6.1", "\u2014x"})
  void acceptsUrlLikeAndNonAsciiKeyNames(String name) {
    assertTrue(NoteText.isValidKeyName(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c0af", // overlong '/'
        "e080af", // overlong 3-byte form
        "eda080", // UTF-16 surrogate
        "f4908080", // above U+10FFFF
        "f5808080", // not a lead byte
        "80", // lone continuation byte
        "e282", // truncated em dash
        "ff",
        "00", // NUL
        "0d", // carriage return
        "09", // tab
        "1b" // escape
      })
  void rejectsMalformedUtf8AndControlCharacters(String hex) {
    byte[] bytes = HexFormat.of().parseHex("41" + hex + "0a");
    assertEquals(1, NoteText.firstInvalid(bytes, 0, bytes.length));
  }

  @ParameterizedTest
  @ValueSource(strings = {"e28094", "c3a8", "f09f9880", "efbfbd", "7f", "c285", "0a"})
  void acceptsWellFormedUtf8IncludingDelAndC1Controls(String hex) {
    byte[] bytes = HexFormat.of().parseHex("41" + hex + "0a");
    assertEquals(-1, NoteText.firstInvalid(bytes, 0, bytes.length));
  }
}
