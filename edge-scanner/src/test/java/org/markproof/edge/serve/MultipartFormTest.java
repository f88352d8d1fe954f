package org.markproof.edge.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

/**
 * {@link MultipartForm} on RFC 7578 forms: what browsers and HTTP clients send is read part by
 * part, byte for byte; every malformed body is refused, all cases run and reported at once.
 */
class MultipartFormTest {
  private static final String B = "----b0undary";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsPartsByteForByteWithPreambleAndEpilogue() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', '-', '-'};
    byte[] head =
        bytes(
            "preamble to ignore\r\n--"
                + B
                + "\r\nContent-Disposition: form-data; name=\"scanId\"\r\n\r\nscan-1\r\n--"
                + B
                + "  \r\ncontent-disposition: form-data; name=\"photo\"; filename=\"a;b.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n");
    byte[] tail = bytes("\r\n--" + B + "--\r\nepilogue");
    byte[] body = new byte[head.length + png.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(png, 0, body, head.length, png.length);
    System.arraycopy(tail, 0, body, head.length + png.length, tail.length);

    List<MultipartForm.Part> parts = MultipartForm.parse(body, B);
    assertEquals(2, parts.size());
    assertEquals("scanId", parts.get(0).name());
    assertArrayEquals(bytes("scan-1"), parts.get(0).content());
    assertEquals(Optional.empty(), parts.get(0).filename());
    assertEquals("photo", parts.get(1).name());
    assertEquals(Optional.of("a;b.png"), parts.get(1).filename());
    assertEquals(Optional.of("image/png"), parts.get(1).contentType());
    assertArrayEquals(png, parts.get(1).content());
  }

  @Test
  void readsTheBoundaryParameter() throws Exception {
    assertEquals(B, MultipartForm.boundary("multipart/form-data; boundary=" + B));
    assertEquals("a b", MultipartForm.boundary("Multipart/Form-Data;BOUNDARY=\"a b\""));
    List<String> accepted = new ArrayList<>();
    for (String type :
        List.of(
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"ends with space \"",
            "multipart/form-data; boundary=" + "x".repeat(71),
            "multipart/form-data; boundary=a{b",
            "multipart/form-data; boundary=\"open",
            "multipart/form-data; boundary=a; boundary=b")) {
      try {
        MultipartForm.boundary(type);
        accepted.add(type);
      } catch (MalformedDataException e) {
        // refused, as it must be
      }
    }
    assertEquals(List.of(), accepted);
  }

  @Test
  void refusesEveryMalformedBody() {
    String part = "Content-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("no boundary at all", "just text");
    cases.put("no closing boundary", "--" + B + "\r\n" + part);
    cases.put("no parts", "--" + B + "--\r\n");
    cases.put("boundary line without CRLF", "--" + B + "x\r\n" + part + "--" + B + "--");
    cases.put("headers without an empty line", "--" + B + "\r\nContent-Disposition: form-data");
    cases.put(
        "no Content-Disposition",
        "--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + B + "--");
    cases.put(
        "not form-data",
        "--" + B + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--" + B + "--");
    cases.put("no name", "--" + B + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + B + "--");
    cases.put(
        "folded header",
        "--" + B + "\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx\r\n--" + B + "--");
    cases.put(
        "header line too long",
        "--"
            + B
            + "\r\nContent-Disposition: form-data; name=\"a\"; x=\""
            + "y".repeat(1100)
            + "\"\r\n\r\nx\r\n--"
            + B
            + "--");
    cases.put(
        "too many header lines",
        "--"
            + B
            + "\r\n"
            + "X-A: 1\r\n".repeat(9)
            + "Content-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--"
            + B
            + "--");
    cases.put("too many parts", "--" + B + ("\r\n" + part + "--" + B).repeat(17) + "--");
    cases.put(
        "two Content-Disposition headers",
        "--"
            + B
            + "\r\nContent-Disposition: form-data; name=\"a\"\r\n"
            + "Content-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--"
            + B
            + "--");
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, String> c : cases.entrySet()) {
      try {
        MultipartForm.parse(bytes(c.getValue()), B);
        accepted.add(c.getKey());
      } catch (MalformedDataException e) {
        // refused, as it must be
      }
    }
    assertEquals(List.of(), accepted);
  }
}
