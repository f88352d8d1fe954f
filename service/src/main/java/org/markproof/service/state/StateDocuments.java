package org.markproof.service.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.rules.BatchRecord;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.rules.HolderPeriod;
import org.markproof.contracts.rules.KeyPeriod;
import org.markproof.contracts.rules.LicenseRecord;
import org.markproof.contracts.rules.MarkRecord;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.contracts.rules.ProductRecord;
import org.markproof.contracts.rules.StatusPeriod;

/**
 * The JSON documents the query API answers with, built from the records the contracts' rules keep.
 * Every fact carries the log index of the entry it comes from ({@code "index"}), so a client can
 * fetch that entry and its inclusion proof.
 */
final class StateDocuments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StateDocuments() {}

  static ObjectNode participant(ParticipantRecord record) {
    ObjectNode doc = JSON.objectNode();
    doc.put("id", record.id());
    doc.put("displayName", record.displayName());
    doc.set("role", role(record.role()));
    doc.put("active", record.isActive());
    ArrayNode keys = doc.putArray("keys");
    for (KeyPeriod key : record.keys()) {
      ObjectNode k = keys.addObject();
      k.put("keyId", key.keyId().value());
      k.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().bytes()));
      k.put("fromIndex", key.from().index());
      key.until().ifPresent(until -> k.put("untilIndex", until.index()));
    }
    doc.set("enrolled", ref(record.enrolled()));
    record.revoked().ifPresent(revoked -> doc.set("revoked", ref(revoked)));
    return doc;
  }

  /** A mark with its latest recorded holder and status, and their whole history. */
  static ObjectNode trademark(MarkRecord record) {
    ObjectNode doc = JSON.objectNode();
    doc.set("trademark", trademarkRef(record.trademark()));
    MarkRepresentation mark = record.recorded().mark();
    if (mark instanceof MarkRepresentation.WordMark word) {
      doc.put("markType", "word");
      doc.put("text", word.text());
    } else if (mark instanceof MarkRepresentation.FigurativeMark figurative) {
      doc.put("markType", "figurative");
      doc.put("imageSha256", Base64.getEncoder().encodeToString(figurative.imageSha256()));
    }
    ArrayNode classes = doc.putArray("niceClasses");
    record.recorded().niceClasses().forEach(classes::add);
    doc.put("holder", record.latestHolder().holder());
    doc.put("status", record.latestStatus().status().wireName());
    doc.put("filingDate", record.recorded().filingDate().toString());
    doc.put("registrationDate", record.recorded().registrationDate().toString());
    doc.put("expiryDate", record.latestStatus().expiry().toString());
    ArrayNode chain = doc.putArray("chainOfOwnership");
    for (HolderPeriod period : record.holders()) {
      ObjectNode p = chain.addObject();
      p.put("holder", period.holder());
      p.put("from", period.from().toString());
      p.set("entry", ref(period.source()));
    }
    ArrayNode statuses = doc.putArray("statusHistory");
    for (StatusPeriod period : record.statuses()) {
      ObjectNode s = statuses.addObject();
      s.put("status", period.status().wireName());
      s.put("from", period.from().toString());
      s.put("expiry", period.expiry().toString());
      s.set("entry", ref(period.source()));
    }
    ArrayNode licenses = doc.putArray("licenses");
    record.licenseIds().forEach(licenses::add);
    doc.set("recorded", ref(record.source()));
    return doc;
  }

  static ObjectNode license(LicenseRecord record) {
    ObjectNode doc = JSON.objectNode();
    doc.put("id", record.id());
    doc.put("licensor", record.grant().licensor());
    doc.put("licensee", record.grant().licensee());
    doc.set("trademark", trademarkRef(record.grant().trademark()));
    ObjectNode scope = doc.putObject("scope");
    strings(scope.putArray("gtins"), record.grant().scope().gtins().stream().map(Gtin::digits));
    strings(scope.putArray("companyPrefixes"), record.grant().scope().companyPrefixes().stream());
    ArrayNode classes = scope.putArray("niceClasses");
    record.grant().scope().niceClasses().forEach(classes::add);
    strings(
        scope.putArray("territories"),
        record.grant().scope().territories().stream().map(OfficeCode::code));
    doc.put("startDate", record.grant().startDate().toString());
    doc.put("endDate", record.grant().endDate().toString());
    record
        .termination()
        .ifPresent(
            t -> {
              ObjectNode term = doc.putObject("termination");
              term.put("effectiveDate", t.effectiveDate().toString());
              term.put("by", t.by());
              term.set("entry", ref(t.source()));
            });
    doc.set("granted", ref(record.source()));
    return doc;
  }

  static ObjectNode product(ProductRecord record) {
    ObjectNode doc = JSON.objectNode();
    doc.put("gtin", record.registration().gtin().digits());
    doc.put("description", record.registration().description());
    doc.set("trademark", trademarkRef(record.registration().trademark()));
    doc.put("niceClass", record.registration().niceClass());
    strings(
        doc.putArray("territories"),
        record.registration().territories().stream().map(OfficeCode::code));
    doc.put("registrant", record.registration().submitter());
    doc.set("registered", ref(record.source()));
    return doc;
  }

  /** A revoked label of a batch, for its document. */
  record RevokedSerial(String serial, String reason, String by, EntryRef source) {}

  static ObjectNode batch(BatchRecord record, List<RevokedSerial> revokedSerials) {
    ObjectNode doc = JSON.objectNode();
    doc.put("gtin", record.issue().gtin().digits());
    doc.put("batch", record.issue().batch());
    doc.put("issuer", record.issuer());
    doc.put("serialCount", record.issue().serialCount());
    doc.put("issueDate", record.issue().issueDate().toString());
    doc.put("labelKey", Base64.getEncoder().encodeToString(record.labelKey().bytes()));
    record.license().ifPresent(license -> doc.put("license", license));
    doc.set("issued", ref(record.source()));
    record
        .revocation()
        .ifPresent(
            r -> {
              ObjectNode revoked = doc.putObject("revoked");
              revoked.put("reason", r.reason().wireName());
              revoked.put("by", r.by());
              revoked.set("entry", ref(r.source()));
            });
    ArrayNode serials = doc.putArray("revokedSerials");
    for (RevokedSerial serial : revokedSerials) {
      ObjectNode s = serials.addObject();
      s.put("serial", serial.serial());
      s.put("reason", serial.reason());
      s.put("by", serial.by());
      s.set("entry", ref(serial.source()));
    }
    return doc;
  }

  private static ObjectNode role(ParticipantRole role) {
    ObjectNode doc = JSON.objectNode();
    doc.put("type", role.type());
    if (role instanceof ParticipantRole.Registrar registrar) {
      doc.put("office", registrar.office().code());
    } else if (role instanceof ParticipantRole.Customs customs) {
      doc.put("post", customs.post());
    }
    return doc;
  }

  private static ObjectNode trademarkRef(TrademarkRef ref) {
    ObjectNode doc = JSON.objectNode();
    doc.put("office", ref.office().code());
    doc.put("number", ref.number());
    return doc;
  }

  private static ObjectNode ref(EntryRef ref) {
    ObjectNode doc = JSON.objectNode();
    doc.put("index", ref.index());
    doc.put("time", ref.time().toString());
    return doc;
  }

  private static void strings(ArrayNode array, java.util.stream.Stream<String> values) {
    values.forEach(array::add);
  }
}
