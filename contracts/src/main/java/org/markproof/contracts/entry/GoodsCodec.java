package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.Gtin;

/** JSON fields of the statements about goods: products, batches, revocations and seizures. */
final class GoodsCodec {
  private GoodsCodec() {}

  static ProductRegistered readProduct(String submitter, JsonFields f)
      throws MalformedDataException {
    return new ProductRegistered(
        submitter,
        FieldReaders.gtin(f.required("gtin")),
        FieldReaders.trademark(f.required("trademark")),
        (int) f.required("niceClass").integer(NiceClasses.FIRST, NiceClasses.LAST),
        FieldReaders.freeText(f.required("description"), EntryLimits.MAX_DESCRIPTION_LENGTH),
        FieldReaders.distinct(
            f.required("territories"), 1, EntryLimits.MAX_TERRITORIES, FieldReaders::office));
  }

  static void writeProduct(ProductRegistered s, ObjectNode out) {
    out.put("gtin", s.gtin().digits());
    out.set("trademark", TrademarkCodec.writeRef(s.trademark()));
    out.put("niceClass", s.niceClass());
    out.put("description", s.description());
    out.set("territories", LicenseCodec.territories(s.territories()));
  }

  static BatchIssued readBatch(String submitter, JsonFields f) throws MalformedDataException {
    return new BatchIssued(
        submitter,
        FieldReaders.gtin(f.required("gtin")),
        FieldReaders.gs1Cset82(f.required("batch")),
        f.required("serialCount").integer(1, EntryLimits.MAX_SERIAL_COUNT),
        FieldReaders.publicKey(f.required("labelKey")),
        FieldReaders.date(f.required("issueDate")));
  }

  static void writeBatch(BatchIssued s, ObjectNode out) {
    out.put("gtin", s.gtin().digits());
    out.put("batch", s.batch());
    out.put("serialCount", s.serialCount());
    out.put("labelKey", ParticipantCodec.base64(s.labelKey()));
    out.put("issueDate", s.issueDate().toString());
  }

  static LabelRevoked readLabelRevoked(String submitter, JsonFields f)
      throws MalformedDataException {
    return new LabelRevoked(
        submitter,
        FieldReaders.gtin(f.required("gtin")),
        FieldReaders.gs1Cset82(f.required("batch")),
        FieldReaders.distinct(
            f.required("serials"),
            1,
            EntryLimits.MAX_SERIALS_PER_REVOCATION,
            FieldReaders::gs1Cset82),
        reason(f.required("reason")));
  }

  static void writeLabelRevoked(LabelRevoked s, ObjectNode out) {
    out.put("gtin", s.gtin().digits());
    out.put("batch", s.batch());
    ArrayNode serials = out.putArray("serials");
    s.serials().forEach(serials::add);
    out.put("reason", s.reason().wireName());
  }

  static BatchRevoked readBatchRevoked(String submitter, JsonFields f)
      throws MalformedDataException {
    return new BatchRevoked(
        submitter,
        FieldReaders.gtin(f.required("gtin")),
        FieldReaders.gs1Cset82(f.required("batch")),
        reason(f.required("reason")));
  }

  static void writeBatchRevoked(BatchRevoked s, ObjectNode out) {
    out.put("gtin", s.gtin().digits());
    out.put("batch", s.batch());
    out.put("reason", s.reason().wireName());
  }

  static SeizureRecorded readSeizure(String submitter, JsonFields f) throws MalformedDataException {
    String scanReference = FieldReaders.identifier(f.required("scanReference"));
    Gtin gtin = FieldReaders.gtin(f.required("gtin"));
    Optional<String> batch = Optional.empty();
    Optional<String> serial = Optional.empty();
    if (f.optional("batch").isPresent()) {
      batch = Optional.of(FieldReaders.gs1Cset82(f.required("batch")));
    }
    if (f.optional("serial").isPresent()) {
      JsonValue serialValue = f.required("serial");
      if (batch.isEmpty()) {
        throw serialValue.error("only allowed together with batch");
      }
      serial = Optional.of(FieldReaders.gs1Cset82(serialValue));
    }
    return new SeizureRecorded(
        submitter,
        scanReference,
        gtin,
        batch,
        serial,
        FieldReaders.identifier(f.required("post")),
        FieldReaders.instant(f.required("seizedAt")),
        FieldReaders.choice(
            f.required("reason"), SeizureReason::fromWireName, List.of(SeizureReason.values())));
  }

  static void writeSeizure(SeizureRecorded s, ObjectNode out) {
    out.put("scanReference", s.scanReference());
    out.put("gtin", s.gtin().digits());
    s.batch().ifPresent(b -> out.put("batch", b));
    s.serial().ifPresent(v -> out.put("serial", v));
    out.put("post", s.post());
    out.put("seizedAt", s.seizedAt().toString());
    out.put("reason", s.reason().wireName());
  }

  private static RevocationReason reason(JsonValue value) throws MalformedDataException {
    return FieldReaders.choice(
        value, RevocationReason::fromWireName, List.of(RevocationReason.values()));
  }
}
