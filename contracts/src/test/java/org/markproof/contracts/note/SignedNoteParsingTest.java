package org.markproof.contracts.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.markproof.contracts.MalformedDataException;

/** The shape rules of c2sp.org/signed-note §Format, one malformed case each. */
class SignedNoteParsingTest {
  private static final String TEXT = "example.com/log\n5\nAAAA\n";
  private static final String LINE =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

  static Stream<Arguments> malformedNotes() {
    return Stream.of(
        Arguments.of("text only", TEXT),
        Arguments.of("blank line but no signature", TEXT + "\n"),
        Arguments.of("last line without newline", TEXT + "\n" + LINE),
        Arguments.of("control character before the text", "\u0001" + TEXT + "\n" + LINE + "\n"),
        Arguments.of("carriage return", TEXT.replace("5\n", "5\r\n") + "\n" + LINE + "\n"),
        Arguments.of("tab", TEXT.replace("5", "\t5") + "\n" + LINE + "\n"),
        Arguments.of("space in key name", TEXT + "\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQ==\n"),
        Arguments.of(
            "plus in key name", TEXT + "\n" + LINE.replace("PeterNeumann", "Peter+N") + "\n"),
        Arguments.of(
            "unexpected line after the signatures", TEXT + "\n" + LINE + "\nUnexpected.\n"),
        Arguments.of("hyphen instead of em dash", TEXT + "\n" + LINE.replace("\u2014", "-") + "\n"),
        Arguments.of(
            "en dash instead of em dash", TEXT + "\n" + LINE.replace("\u2014", "\u2013") + "\n"),
        Arguments.of(
            "no space after the dash", TEXT + "\n" + LINE.replace("\u2014 ", "\u2014") + "\n"),
        Arguments.of("no signature after the name", TEXT + "\n\u2014 PeterNeumann\n"),
        Arguments.of("empty signature", TEXT + "\n\u2014 PeterNeumann \n"),
        Arguments.of("empty key name", TEXT + "\n\u2014  x08go/ZJ\n"),
        Arguments.of(
            "two spaces before the signature",
            TEXT + "\n" + LINE.replace("n x08", "n  x08") + "\n"),
        Arguments.of("trailing space", TEXT + "\n" + LINE + " \n"),
        Arguments.of(
            "base64 without padding", TEXT + "\n" + LINE.substring(0, LINE.length() - 1) + "\n"),
        Arguments.of("base64 with stray bits", TEXT + "\n\u2014 PeterNeumann AAAAAAB=\n"),
        Arguments.of("base64url alphabet", TEXT + "\n" + LINE.replace('/', '_') + "\n"),
        Arguments.of("only a key id", TEXT + "\n\u2014 PeterNeumann AAAAAA==\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedNotes")
  void rejectsMalformedNote(String why, String note) {
    assertThrows(
        MalformedDataException.class,
        () -> SignedNote.parse(note.getBytes(StandardCharsets.UTF_8)),
        why);
  }

  @ParameterizedTest
  @MethodSource("invalidUtf8")
  void rejectsInvalidUtf8Anywhere(String hex) {
    byte[] bad = HexFormat.of().parseHex(hex);
    byte[] note = (TEXT + "\n" + LINE + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBad = new byte[note.length + bad.length];
    System.arraycopy(bad, 0, withBad, 0, bad.length);
    System.arraycopy(note, 0, withBad, bad.length, note.length);
    assertThrows(MalformedDataException.class, () -> SignedNote.parse(withBad));
  }

  static Stream<String> invalidUtf8() {
    return Stream.of("ff", "c0af", "eda080", "e282", "80");
  }

  @Test
  void rejectsNull() {
    assertThrows(MalformedDataException.class, () -> SignedNote.parse(null));
  }

  @Test
  void splitsAtTheLastBlankLine() throws MalformedDataException {
    String text = "a\n\nb\n\n";
    SignedNote note =
        SignedNote.parse((text + "\n" + LINE + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(text, note.text());
  }

  @Test
  void aSignatureLineBeforeTheLastBlankLineIsPartOfTheText() throws MalformedDataException {
    String note = TEXT + "\n" + LINE + "\n\n" + LINE + "\n";
    assertEquals(
        TEXT + "\n" + LINE + "\n", SignedNote.parse(note.getBytes(StandardCharsets.UTF_8)).text());
  }

  @Test
  void formatRoundTripsByteForByte() throws MalformedDataException {
    byte[] encoded = (TEXT + "\n" + LINE + "\n" + LINE + "\n").getBytes(StandardCharsets.UTF_8);
    SignedNote note = SignedNote.parse(encoded);
    assertEquals(2, note.signatures().size());
    assertArrayEquals(encoded, note.toBytes());
    assertEquals(note, SignedNote.parse(note.toBytes()));
  }

  @Test
  void malformedMessagesNameTheLine() {
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () ->
                SignedNote.parse(
                    (TEXT + "\n" + LINE + "\n- x AAAAAAA=\n").getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("signature line 2"), e.getMessage());
  }

  @Test
  void signRejectsTextThatCannotBeANote() {
    NoteSigner signer = TestKeys.signer("example.com/log");
    for (String text : List.of("", "no final newline", "bell\u0007\n", "half \ud800 pair\n")) {
      assertThrows(
          MalformedDataException.class, () -> SignedNote.sign(text, List.of(signer)), text);
    }
  }
}
