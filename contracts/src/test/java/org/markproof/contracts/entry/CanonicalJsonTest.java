package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct RFC 8785 writer against the reference path (Jackson's text through the canonicalizer
 * library), byte for byte, on the awkward cases and on random trees.
 */
class CanonicalJsonTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static void assertSameAsReference(JsonNode node) {
    assertArrayEquals(
        CanonicalJson.viaText(node), CanonicalJson.bytes(node), () -> "for " + node.toString());
  }

  @Test
  void membersAreSortedByUtf16CodeUnitsAndStringsEscapedAsRfc8785Says() {
    ObjectNode node = JSON.objectNode();
    node.put("\u20ac", "Euro Sign");
    node.put("\r", "Carriage Return");
    node.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    node.put("1", "One");
    node.put("\ud83d\ude00", "Emoji: Grinning Face");
    node.put("\u0080", "Control");
    node.put("\u00f6", "Latin Small Letter O With Diaeresis");
    node.put("controls", "\u0000\u0001\u001f\u007f\b\f\n\r\t\"\\/");
    // RFC 8785 §3.2.3's sorting example, and a string of every escape.
    assertEquals(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"controls\":\"\\u0000\\u0001\\u001f\u007f"
            + "\\b\\f\\n\\r\\t\\\"\\\\/\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O"
            + " With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
            + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8));
    assertSameAsReference(node);
  }

  /**
   * The writer reuses its buffer on the same thread: what one call returned stays as it was after
   * later calls write longer, shorter and larger-than-kept documents, and a failed call leaves the
   * next one correct.
   */
  @Test
  void aReturnedDocumentIsNotTouchedByLaterOnes() {
    ObjectNode longer = JSON.objectNode();
    longer.put("text", "x".repeat(5000));
    ObjectNode shorter = JSON.objectNode();
    shorter.put("a", 1);
    ObjectNode huge = JSON.objectNode();
    huge.put("text", "y".repeat(100_000));

    byte[] first = CanonicalJson.bytes(longer);
    byte[] firstCopy = first.clone();
    byte[] second = CanonicalJson.bytes(shorter);
    CanonicalJson.Marked third =
        CanonicalJson.withMember(shorter, "b", "[true]".getBytes(StandardCharsets.UTF_8));
    byte[] fourth = CanonicalJson.bytes(huge);
    assertThrows(RuntimeException.class, () -> CanonicalJson.bytes(JSON.numberNode(Double.NaN)));
    byte[] fifth = CanonicalJson.bytes(longer);

    assertArrayEquals(firstCopy, first);
    assertEquals("{\"a\":1}", new String(second, StandardCharsets.UTF_8));
    assertEquals("{\"a\":1,\"b\":[true]}", new String(third.bytes(), StandardCharsets.UTF_8));
    assertEquals(100_011, fourth.length);
    assertArrayEquals(firstCopy, fifth);
  }

  /** Signed notes carry an em dash; the rest of such a string is ASCII and is copied as it is. */
  @Test
  void nonAsciiCharactersInsideLongAsciiStringsAreEncodedInPlace() {
    ObjectNode node = JSON.objectNode();
    node.put("note", "origin\n14\nFExrGCjL=\n\n\u2014 markproof.local/log ++AiNj6Py\n");
    node.put("mixed", "a\u00e9b\u20acc\ud83d\ude00d\u0001e");
    assertEquals(
        "{\"mixed\":\"a\u00e9b\u20acc\ud83d\ude00d\\u0001e\",\"note\":\"origin\\n14\\nFExrGCjL=\\n"
            + "\\n\u2014 markproof.local/log ++AiNj6Py\\n\"}",
        new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8));
    assertSameAsReference(node);
  }

  /** An unpaired surrogate is not Unicode text; it is written as String.getBytes writes it. */
  @Test
  void unpairedSurrogatesAreWrittenAsStringGetBytesWritesThem() {
    ArrayNode node = JSON.arrayNode().add("x\ud800y").add("\udc00");
    assertEquals("[\"x?y\",\"?\"]", new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8));
    ArrayNode longer = JSON.arrayNode().add("x\ud800y\n".repeat(30));
    assertEquals(
        "[\"" + "x?y\\n".repeat(30) + "\"]",
        new String(CanonicalJson.bytes(longer), StandardCharsets.UTF_8));
  }

  /** Integers up to 2^53 are exact doubles and written as digits; beyond it, as ES6 rounds them. */
  @Test
  void integersAroundTwoToThe53rdAreWrittenAsEs6Does() {
    ArrayNode numbers = JSON.arrayNode();
    numbers.add(9007199254740992L).add(-9007199254740992L).add(9007199254740993L);
    numbers.add(-9007199254740993L).add(Long.MIN_VALUE).add(Integer.MIN_VALUE);
    assertSameAsReference(numbers);
  }

  @Test
  void numbersAreWrittenAsEs6Does() {
    ArrayNode numbers = JSON.arrayNode();
    numbers.add(0).add(-0.0).add(1).add(-1).add(Integer.MAX_VALUE).add(Long.MAX_VALUE);
    numbers.add(9007199254740993L).add(1e21).add(1e-7).add(333333333.33333329).add(5e-324);
    numbers.add(1.7976931348623157e308).add(0.1).add(-123.456e-10).add((short) 7);
    // RFC 8785 §3.2.2.3 examples.
    assertEquals(
        "[0,0,1,-1,2147483647,9223372036854776000,9007199254740992,1e+21,1e-7,333333333.3333333,"
            + "5e-324,1.7976931348623157e+308,0.1,-1.23456e-8,7]",
        new String(CanonicalJson.bytes(numbers), StandardCharsets.UTF_8));
    assertSameAsReference(numbers);
  }

  /** JSON has no NaN or infinity; Jackson's text would quietly have made them strings. */
  @Test
  void notANumberIsRefused() {
    assertThrows(
        IllegalStateException.class, () -> CanonicalJson.bytes(JSON.arrayNode().add(Double.NaN)));
    assertThrows(
        IllegalStateException.class,
        () -> CanonicalJson.bytes(JSON.arrayNode().add(Double.NEGATIVE_INFINITY)));
  }

  @Test
  void otherNodesTakeTheReferencePath() {
    ObjectNode node = JSON.objectNode();
    node.put("f", 0.1f);
    node.put("big", new java.math.BigDecimal("12.50"));
    node.put("bin", new byte[] {1, 2, 3});
    assertArrayEquals(CanonicalJson.viaText(node), CanonicalJson.bytes(node));
  }

  @Test
  void randomTreesMatchTheReference() {
    Random random = new Random(8785);
    for (int i = 0; i < 3000; i++) {
      // The library takes only an object or an array at the top.
      assertSameAsReference(JSON.arrayNode().add(tree(random, 0)));
    }
  }

  private static JsonNode tree(Random random, int depth) {
    int kind = depth > 3 ? 2 + random.nextInt(5) : random.nextInt(7);
    switch (kind) {
      case 0 -> {
        ObjectNode object = JSON.objectNode();
        for (int i = random.nextInt(6); i > 0; i--) {
          object.set(text(random), tree(random, depth + 1));
        }
        return object;
      }
      case 1 -> {
        ArrayNode array = JSON.arrayNode();
        for (int i = random.nextInt(6); i > 0; i--) {
          array.add(tree(random, depth + 1));
        }
        return array;
      }
      case 2 -> {
        return JSON.textNode(text(random));
      }
      case 3 -> {
        return random.nextBoolean() ? JSON.booleanNode(random.nextBoolean()) : JSON.nullNode();
      }
      case 4 -> {
        return random.nextBoolean()
            ? JSON.numberNode(random.nextInt())
            : JSON.numberNode(random.nextLong() >> random.nextInt(64));
      }
      default -> {
        double d;
        do {
          d =
              random.nextBoolean()
                  ? Double.longBitsToDouble(random.nextLong())
                  : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        } while (Double.isNaN(d) || Double.isInfinite(d));
        return JSON.numberNode(d);
      }
    }
  }

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    // A quarter long enough to be written from their UTF-8 bytes at once (64 characters or more).
    for (int i = random.nextInt(4) == 0 ? 64 + random.nextInt(64) : random.nextInt(8); i > 0; i--) {
      switch (random.nextInt(5)) {
        case 0 -> s.append((char) random.nextInt(0x20));
        case 1 -> s.append("\"\\/".charAt(random.nextInt(3)));
        case 2 -> s.append((char) (0x20 + random.nextInt(0x60)));
        case 3 -> s.append((char) (0xa0 + random.nextInt(0xd700 - 0xa0)));
        default -> s.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
      }
    }
    return s.toString();
  }

  @Test
  void aMemberAddedAsCanonicalBytesTakesItsPlaceInOrder() {
    com.fasterxml.jackson.databind.node.ObjectNode value = JSON.objectNode();
    value.put("z", 1).put("a", "\u2014");
    byte[] raw = CanonicalJson.bytes(value);
    for (String name : java.util.List.of("0", "b", "m", "zz", "\u00e9")) {
      com.fasterxml.jackson.databind.node.ObjectNode object = JSON.objectNode();
      object.put("m1", true).put("a", 1.5).put("y", "x");
      com.fasterxml.jackson.databind.node.ObjectNode whole = object.deepCopy();
      whole.set(name, value);
      CanonicalJson.Marked marked = CanonicalJson.withMember(object, name, raw);
      assertArrayEquals(CanonicalJson.viaText(whole), marked.bytes(), name);
      String member =
          new String(
              java.util.Arrays.copyOfRange(marked.bytes(), marked.start(), marked.end()),
              java.nio.charset.StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assertions.assertEquals(
          "\"" + name + "\":{\"a\":\"\u2014\",\"z\":1}", member);
    }
    assertArrayEquals(
        "{\"only\":{\"a\":\"\u2014\",\"z\":1}}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        CanonicalJson.withMember(JSON.objectNode(), "only", raw).bytes());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.withMember(JSON.objectNode().put("a", 1), "a", raw));
  }
}
