package org.markproof.contracts.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.markproof.contracts.MalformedDataException;

/** The note text rules of c2sp.org/tlog-checkpoint, one malformed case each. */
class CheckpointTest {
  private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
  private static final String SPEC_EXAMPLE =
      "example.com/behind-the-sofa\n20852163\n" + ROOT + "\n";

  @Test
  void parsesTheSpecExample() throws MalformedDataException {
    Checkpoint checkpoint = Checkpoint.parse(SPEC_EXAMPLE);
    assertEquals("example.com/behind-the-sofa", checkpoint.origin());
    assertEquals(20852163, checkpoint.size());
    assertEquals(32, checkpoint.rootHash().length);
    assertEquals(List.of(), checkpoint.extensions());
    assertEquals(SPEC_EXAMPLE, checkpoint.format());
  }

  @Test
  void keepsExtensionLinesAndAnOriginWithSpaces() throws MalformedDataException {
    String text = "go.sum database tree\n0\n" + ROOT + "\nextension one\n\u00e9xt two\n";
    Checkpoint checkpoint = Checkpoint.parse(text);
    assertEquals("go.sum database tree", checkpoint.origin());
    assertEquals(0, checkpoint.size());
    assertEquals(List.of("extension one", "\u00e9xt two"), checkpoint.extensions());
    assertEquals(text, checkpoint.format());
    assertEquals(checkpoint, Checkpoint.parse(checkpoint.format()));
  }

  @Test
  void acceptsTheLargestSize() throws MalformedDataException {
    assertEquals(Long.MAX_VALUE, Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size());
  }

  @Test
  void acceptsTheMostExtensionLinesAndNoMore() throws MalformedDataException {
    String most = SPEC_EXAMPLE + "x\n".repeat(Checkpoint.MAX_EXTENSION_LINES);
    assertEquals(Checkpoint.MAX_EXTENSION_LINES, Checkpoint.parse(most).extensions().size());
    assertThrows(MalformedDataException.class, () -> Checkpoint.parse(most + "x\n"));
  }

  static Stream<Arguments> malformedCheckpoints() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("no final newline", SPEC_EXAMPLE.trim()),
        Arguments.of("two lines", "example.com/log\n5\n"),
        Arguments.of("empty origin", "\n5\n" + ROOT + "\n"),
        Arguments.of("empty extension line", SPEC_EXAMPLE + "\n"),
        Arguments.of("empty line between extensions", SPEC_EXAMPLE + "a\n\nb\n"),
        Arguments.of("leading zero", "o\n05\n" + ROOT + "\n"),
        Arguments.of("plus sign", "o\n+5\n" + ROOT + "\n"),
        Arguments.of("minus sign", "o\n-5\n" + ROOT + "\n"),
        Arguments.of("space before size", "o\n 5\n" + ROOT + "\n"),
        Arguments.of("space after size", "o\n5 \n" + ROOT + "\n"),
        Arguments.of("exponent", "o\n5e3\n" + ROOT + "\n"),
        Arguments.of("hex size", "o\n0x5\n" + ROOT + "\n"),
        Arguments.of("non-ASCII digit", "o\n\u0665\n" + ROOT + "\n"),
        Arguments.of("empty size", "o\n\n" + ROOT + "\n"),
        Arguments.of("size above 2^63-1", "o\n9223372036854775808\n" + ROOT + "\n"),
        Arguments.of("size of 2^64-1", "o\n18446744073709551615\n" + ROOT + "\n"),
        Arguments.of("20 digits", "o\n10000000000000000000\n" + ROOT + "\n"),
        Arguments.of("root of 31 bytes", "o\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n"),
        Arguments.of("root of 33 bytes", "o\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"),
        Arguments.of("root without padding", "o\n5\n" + ROOT.replace("=", "") + "\n"),
        Arguments.of("root with stray bits", "o\n5\n" + ROOT.replace("I=", "J=") + "\n"),
        Arguments.of("root in base64url", "o\n5\n" + ROOT.replace('/', '_') + "\n"),
        Arguments.of("root in hex", "o\n5\n" + "00".repeat(32) + "\n"),
        Arguments.of("carriage return", "o\r\n5\n" + ROOT + "\n"),
        Arguments.of(
            "line too long", "o".repeat(Checkpoint.MAX_LINE_LENGTH + 1) + "\n5\n" + ROOT + "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedCheckpoints")
  void rejectsMalformedCheckpoint(String why, String text) {
    assertThrows(MalformedDataException.class, () -> Checkpoint.parse(text), why);
  }
}
