package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;

/**
 * Parses statements from untrusted JSON and writes their RFC 8785 canonical bytes.
 *
 * <p>Every statement is a JSON object with {@code "type":"markproof/statement/v1"}, a {@code kind}
 * ({@link StatementKind}), the {@code submitter}'s participant id and the kind's own fields (see
 * each record). Parsing is strict: an unknown or missing field, a value of the wrong type, a string
 * or list past its bound ({@link EntryLimits}), a duplicate key or a non-integer number where an
 * integer belongs fails with a {@link MalformedDataException} naming the JSON path, such as {@code
 * statement.scope.gtins[3]}. Optional fields are absent, never {@code null}.
 */
public final class StatementCodec {
  private static final List<String> COMMON = List.of("type", "kind", "submitter");
  private static final Map<StatementKind, List<String>> FIELDS = fields();

  private StatementCodec() {}

  /** Parses one statement from JSON text; paths in errors start with {@code statement}. */
  public static Statement parse(byte[] json) throws MalformedDataException {
    return read(StrictJsonReader.read(json, "statement"));
  }

  /** The RFC 8785 canonical JSON of {@code statement}: the exact bytes its submitter signs. */
  public static byte[] canonicalBytes(Statement statement) {
    return CanonicalJson.bytes(toJson(statement));
  }

  static Statement read(JsonValue value) throws MalformedDataException {
    JsonFields f = value.anyObject();
    JsonValue typeValue = f.required("type");
    String type = typeValue.text(64);
    if (!type.equals(Statement.TYPE)) {
      throw typeValue.error("expected \"" + Statement.TYPE + "\", got " + Excerpt.of(type));
    }
    JsonValue kindValue = f.required("kind");
    String kindName = kindValue.text(64);
    StatementKind kind =
        StatementKind.fromWireName(kindName)
            .orElseThrow(() -> kindValue.error("unknown statement kind " + Excerpt.of(kindName)));
    f.allowOnly(FIELDS.get(kind));
    String submitter = FieldReaders.identifier(f.required("submitter"));
    switch (kind) {
      case PARTICIPANT_ENROLLED:
        return ParticipantCodec.readEnrolled(submitter, f);
      case PARTICIPANT_KEY_ROTATED:
        return ParticipantCodec.readKeyRotated(submitter, f);
      case PARTICIPANT_REVOKED:
        return ParticipantCodec.readRevoked(submitter, f);
      case TRADEMARK_RECORDED:
        return TrademarkCodec.readRecorded(submitter, f);
      case TRADEMARK_STATUS_CHANGED:
        return TrademarkCodec.readStatusChanged(submitter, f);
      case TRADEMARK_ASSIGNED:
        return TrademarkCodec.readAssigned(submitter, f);
      case LICENSE_GRANTED:
        return LicenseCodec.readGranted(submitter, f);
      case LICENSE_TERMINATED:
        return LicenseCodec.readTerminated(submitter, f);
      case PRODUCT_REGISTERED:
        return GoodsCodec.readProduct(submitter, f);
      case BATCH_ISSUED:
        return GoodsCodec.readBatch(submitter, f);
      case LABEL_REVOKED:
        return GoodsCodec.readLabelRevoked(submitter, f);
      case BATCH_REVOKED:
        return GoodsCodec.readBatchRevoked(submitter, f);
      case SEIZURE_RECORDED:
        return GoodsCodec.readSeizure(submitter, f);
      default:
        throw new AssertionError("every kind has a reader: " + kind);
    }
  }

  static ObjectNode toJson(Statement s) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("type", Statement.TYPE);
    out.put("kind", s.kind().wireName());
    out.put("submitter", s.submitter());
    if (s instanceof ParticipantEnrolled x) {
      ParticipantCodec.writeEnrolled(x, out);
    } else if (s instanceof ParticipantKeyRotated x) {
      ParticipantCodec.writeKeyRotated(x, out);
    } else if (s instanceof ParticipantRevoked x) {
      ParticipantCodec.writeRevoked(x, out);
    } else if (s instanceof TrademarkRecorded x) {
      TrademarkCodec.writeRecorded(x, out);
    } else if (s instanceof TrademarkStatusChanged x) {
      TrademarkCodec.writeStatusChanged(x, out);
    } else if (s instanceof TrademarkAssigned x) {
      TrademarkCodec.writeAssigned(x, out);
    } else if (s instanceof LicenseGranted x) {
      LicenseCodec.writeGranted(x, out);
    } else if (s instanceof LicenseTerminated x) {
      LicenseCodec.writeTerminated(x, out);
    } else if (s instanceof ProductRegistered x) {
      GoodsCodec.writeProduct(x, out);
    } else if (s instanceof BatchIssued x) {
      GoodsCodec.writeBatch(x, out);
    } else if (s instanceof LabelRevoked x) {
      GoodsCodec.writeLabelRevoked(x, out);
    } else if (s instanceof BatchRevoked x) {
      GoodsCodec.writeBatchRevoked(x, out);
    } else if (s instanceof SeizureRecorded x) {
      GoodsCodec.writeSeizure(x, out);
    } else {
      throw new AssertionError("every kind has a writer: " + s.kind());
    }
    return out;
  }

  private static Map<StatementKind, List<String>> fields() {
    Map<StatementKind, List<String>> fields = new EnumMap<>(StatementKind.class);
    put(
        fields,
        StatementKind.PARTICIPANT_ENROLLED,
        "participant",
        "displayName",
        "role",
        "publicKey");
    put(fields, StatementKind.PARTICIPANT_KEY_ROTATED, "participant", "publicKey");
    put(fields, StatementKind.PARTICIPANT_REVOKED, "participant");
    put(
        fields,
        StatementKind.TRADEMARK_RECORDED,
        "trademark",
        "mark",
        "niceClasses",
        "holder",
        "filingDate",
        "registrationDate",
        "expiryDate");
    put(
        fields,
        StatementKind.TRADEMARK_STATUS_CHANGED,
        "trademark",
        "status",
        "newExpiryDate",
        "effectiveDate");
    put(fields, StatementKind.TRADEMARK_ASSIGNED, "trademark", "newHolder", "effectiveDate");
    put(
        fields,
        StatementKind.LICENSE_GRANTED,
        "license",
        "licensor",
        "licensee",
        "trademark",
        "scope",
        "startDate",
        "endDate");
    put(fields, StatementKind.LICENSE_TERMINATED, "license", "effectiveDate");
    put(
        fields,
        StatementKind.PRODUCT_REGISTERED,
        "gtin",
        "trademark",
        "niceClass",
        "description",
        "territories");
    put(
        fields,
        StatementKind.BATCH_ISSUED,
        "gtin",
        "batch",
        "serialCount",
        "labelKey",
        "issueDate");
    put(fields, StatementKind.LABEL_REVOKED, "gtin", "batch", "serials", "reason");
    put(fields, StatementKind.BATCH_REVOKED, "gtin", "batch", "reason");
    put(
        fields,
        StatementKind.SEIZURE_RECORDED,
        "scanReference",
        "gtin",
        "batch",
        "serial",
        "post",
        "seizedAt",
        "reason");
    return fields;
  }

  private static void put(
      Map<StatementKind, List<String>> fields, StatementKind kind, String... own) {
    List<String> all = new ArrayList<>(COMMON);
    all.addAll(List.of(own));
    fields.put(kind, List.copyOf(all));
  }
}
