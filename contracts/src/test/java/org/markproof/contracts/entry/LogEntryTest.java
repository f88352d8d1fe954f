package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;

/** The leaf encoding: a signed entry stamped with its sequencing time. */
class LogEntryTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.250Z");

  private static SignedEntry golden() throws MalformedDataException {
    return SignedEntry.parseCanonical(
        TestResources.bytes("entry/golden/signed-entry.canonical.json"));
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void leafIsTheCanonicalJsonOfEntryAndTime() throws Exception {
    SignedEntry entry = golden();
    String loose =
        "{ \"sequencedAt\" : \"" + AT + "\",\n  \"entry\" : " + utf8(entry.encoded()) + " }";
    byte[] expected = new JsonCanonicalizer(loose).getEncodedUTF8();

    LogEntry leaf = LogEntry.of(AT, entry);

    assertArrayEquals(expected, leaf.encoded());
    assertArrayEquals(MerkleHashes.leafHash(expected), leaf.leafHash());
  }

  @Test
  void parsingTheLeafGivesBackEntryAndTime() throws Exception {
    LogEntry leaf = LogEntry.of(AT, golden());

    LogEntry parsed = LogEntry.parse(leaf.encoded());

    assertEquals(leaf, parsed);
    assertEquals(AT, parsed.sequencedAt());
    assertEquals(golden(), parsed.entry());
  }

  @Test
  void nonCanonicalLeafIsRejected() throws Exception {
    String loose = "{\"sequencedAt\":\"" + AT + "\",\"entry\":" + utf8(golden().encoded()) + "}";
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> LogEntry.parse(loose.getBytes(StandardCharsets.UTF_8)));
    assertEquals("log entry: not in RFC 8785 canonical form", e.getMessage());
  }

  @Test
  void leafWithoutTimeNamesTheMissingField() throws Exception {
    String noTime = "{\"entry\":" + utf8(golden().encoded()) + "}";
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> LogEntry.parse(noTime.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("sequencedAt"), e.getMessage());
  }

  @Test
  void leafWithAnUnknownMemberNamesIt() throws Exception {
    String extra =
        "{\"entry\":" + utf8(golden().encoded()) + ",\"index\":7,\"sequencedAt\":\"" + AT + "\"}";
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> LogEntry.parse(extra.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("index"), e.getMessage());
  }

  @Test
  void tamperedEmbeddedStatementNamesItsPath() throws Exception {
    String tampered =
        utf8(LogEntry.of(AT, golden()).encoded()).replace("\"kind\":\"", "\"kind\":\"x");
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> LogEntry.parse(tampered.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("entry.statement.kind"), e.getMessage());
  }
}
