package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/** JSON fields of the {@code trademark.*} statements. */
final class TrademarkCodec {
  private TrademarkCodec() {}

  static TrademarkRecorded readRecorded(String submitter, JsonFields f)
      throws MalformedDataException {
    return new TrademarkRecorded(
        submitter,
        FieldReaders.trademark(f.required("trademark")),
        readMark(f.required("mark")),
        FieldReaders.niceClasses(f.required("niceClasses")),
        FieldReaders.identifier(f.required("holder")),
        FieldReaders.date(f.required("filingDate")),
        FieldReaders.date(f.required("registrationDate")),
        FieldReaders.date(f.required("expiryDate")));
  }

  static void writeRecorded(TrademarkRecorded s, ObjectNode out) {
    out.set("trademark", writeRef(s.trademark()));
    out.set("mark", writeMark(s.mark()));
    out.set("niceClasses", integers(s.niceClasses()));
    out.put("holder", s.holder());
    out.put("filingDate", s.filingDate().toString());
    out.put("registrationDate", s.registrationDate().toString());
    out.put("expiryDate", s.expiryDate().toString());
  }

  static TrademarkStatusChanged readStatusChanged(String submitter, JsonFields f)
      throws MalformedDataException {
    TrademarkRef trademark = FieldReaders.trademark(f.required("trademark"));
    TrademarkStatus status =
        FieldReaders.choice(
            f.required("status"), TrademarkStatus::fromWireName, List.of(TrademarkStatus.values()));
    Optional<JsonValue> expiryValue = f.optional("newExpiryDate");
    String problem = TrademarkStatusChanged.expiryProblem(status, expiryValue.isPresent());
    if (problem != null) {
      throw new MalformedDataException(
          JsonValue.child(f.self().path(), "newExpiryDate") + ": " + problem);
    }
    Optional<LocalDate> newExpiry = Optional.empty();
    if (expiryValue.isPresent()) {
      newExpiry = Optional.of(FieldReaders.date(expiryValue.get()));
    }
    return new TrademarkStatusChanged(
        submitter, trademark, status, newExpiry, FieldReaders.date(f.required("effectiveDate")));
  }

  static void writeStatusChanged(TrademarkStatusChanged s, ObjectNode out) {
    out.set("trademark", writeRef(s.trademark()));
    out.put("status", s.status().wireName());
    s.newExpiryDate().ifPresent(d -> out.put("newExpiryDate", d.toString()));
    out.put("effectiveDate", s.effectiveDate().toString());
  }

  static TrademarkAssigned readAssigned(String submitter, JsonFields f)
      throws MalformedDataException {
    return new TrademarkAssigned(
        submitter,
        FieldReaders.trademark(f.required("trademark")),
        FieldReaders.identifier(f.required("newHolder")),
        FieldReaders.date(f.required("effectiveDate")));
  }

  static void writeAssigned(TrademarkAssigned s, ObjectNode out) {
    out.set("trademark", writeRef(s.trademark()));
    out.put("newHolder", s.newHolder());
    out.put("effectiveDate", s.effectiveDate().toString());
  }

  /** {@code {"type":"word","text":…}} or {@code {"type":"figurative","imageSha256":hex}}. */
  private static MarkRepresentation readMark(JsonValue value) throws MalformedDataException {
    JsonFields fields = value.anyObject();
    JsonValue typeValue = fields.required("type");
    String type = typeValue.text(32);
    if (type.equals("word")) {
      fields.allowOnly(List.of("type", "text"));
      return new MarkRepresentation.WordMark(
          FieldReaders.freeText(fields.required("text"), EntryLimits.MAX_MARK_TEXT_LENGTH));
    }
    if (type.equals("figurative")) {
      fields.allowOnly(List.of("type", "imageSha256"));
      JsonValue hashValue = fields.required("imageSha256");
      String hex = hashValue.text(64);
      if (hex.length() != 64
          || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw hashValue.error("expected 64 lowercase hex digits (SHA-256), got " + Excerpt.of(hex));
      }
      return new MarkRepresentation.FigurativeMark(HexFormat.of().parseHex(hex));
    }
    throw typeValue.error("expected one of [word, figurative], got " + Excerpt.of(type));
  }

  private static ObjectNode writeMark(MarkRepresentation mark) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("type", mark.type());
    if (mark instanceof MarkRepresentation.WordMark word) {
      out.put("text", word.text());
    } else if (mark instanceof MarkRepresentation.FigurativeMark figurative) {
      out.put("imageSha256", HexFormat.of().formatHex(figurative.imageSha256()));
    }
    return out;
  }

  static ObjectNode writeRef(TrademarkRef ref) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("office", ref.office().code());
    out.put("number", ref.number());
    return out;
  }

  static ArrayNode integers(List<Integer> values) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    values.forEach(out::add);
    return out;
  }
}
