package org.markproof.contracts.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.entry.TrademarkStatusChanged;
import org.markproof.contracts.verdict.EvidenceCheckException.Check;
import org.markproof.contracts.verdict.EvidenceVerifier.ProvenEntry;

/**
 * Check 4 of docs/verdicts.md "Checking a verdict offline": each proven entry is of the kind its
 * role names and says what the verdict claims, and the verdict has the entries its code needs. A
 * claim the document omits is not compared, except the ones an entry exists to prove (the batch
 * entry's {@code item.gtin}, {@code item.batch}, {@code batch.issuer}, {@code batch.issueDate}, …).
 */
final class EvidenceClaims {
  /** Every verdict code, with the roles whose entries it needs. */
  static final Map<String, List<String>> NEEDED =
      Map.of(
          "GENUINE", List.of("batch", "product", "mark"),
          "SUSPECT_CLONE", List.of("batch", "product", "mark"),
          "NOT_AUTHORIZED", List.of("batch", "product", "mark"),
          "REVOKED", List.of("revocation"),
          "COUNTERFEIT", List.of(),
          "UNKNOWN", List.of(),
          "MALFORMED", List.of(),
          "STALE", List.of());

  private final ObjectNode document;
  private final boolean hasHolderEntry;

  private EvidenceClaims(ObjectNode document, boolean hasHolderEntry) {
    this.document = document;
    this.hasHolderEntry = hasHolderEntry;
  }

  /**
   * Parses every proven entry and compares it with the document's claims.
   *
   * @throws EvidenceCheckException if an entry is not a markproof entry of its role's kind, or the
   *     verdict lacks an entry its code needs
   * @throws EvidenceMismatchException if an entry says other than the verdict claims
   */
  static List<ProvenEntry> check(
      String verdict, ObjectNode document, List<EvidenceDocument.Item> items)
      throws EvidenceCheckException {
    boolean holder = items.stream().anyMatch(i -> i.role().equals("holder"));
    EvidenceClaims claims = new EvidenceClaims(document, holder);
    List<ProvenEntry> proven = new ArrayList<>(items.size());
    for (EvidenceDocument.Item item : items) {
      LogEntry entry;
      try {
        entry = LogEntry.parse(item.entry());
      } catch (MalformedDataException e) {
        throw new EvidenceCheckException(
            Check.CLAIMS, item.describe() + ": not a markproof log entry: " + e.getMessage());
      }
      claims.compare(item, entry.entry().statement());
      proven.add(new ProvenEntry(item.position(), item.role(), item.index(), entry));
    }
    List<String> needed = needed(verdict, document);
    for (String role : needed) {
      if (items.stream().noneMatch(i -> i.role().equals(role))) {
        throw new EvidenceCheckException(
            Check.CLAIMS,
            "verdict "
                + verdict
                + " needs a "
                + role
                + " entry and the evidence has none (it needs "
                + String.join(", ", needed)
                + ")");
      }
    }
    return proven;
  }

  /**
   * The roles whose entries {@code verdict} needs: {@link #NEEDED}, except that a {@code
   * NOT_AUTHORIZED} verdict that claims no batch and whose decisive reason is {@code
   * territory-not-covered} needs the product and mark only. An edge store kept for some territories
   * gives it for an item of a product registered for other territories only, whose batches that
   * store does not keep (docs/edge.md "Territory filter"): the product entry proves the product's
   * territories.
   */
  private static List<String> needed(String verdict, ObjectNode document) {
    JsonNode reasons = document.path("reasons");
    if (verdict.equals("NOT_AUTHORIZED")
        && !document.has("batch")
        && reasons.path(0).asText().equals(ReasonCode.TERRITORY_NOT_COVERED.wireName())) {
      return List.of("product", "mark");
    }
    return NEEDED.get(verdict);
  }

  private void compare(EvidenceDocument.Item item, Statement statement)
      throws EvidenceCheckException {
    String at = item.describe();
    switch (item.role()) {
      case "batch" -> {
        BatchIssued b = kind(item, statement, BatchIssued.class, "batch.issued");
        same(at, "batch entry's gtin", b.gtin().digits(), "item.gtin", true);
        same(at, "batch entry's batch", b.batch(), "item.batch", true);
        same(at, "batch entry's batch", b.batch(), "batch.batch", false);
        same(at, "batch entry's issuer", b.submitter(), "batch.issuer", true);
        same(at, "batch entry's issue date", b.issueDate().toString(), "batch.issueDate", true);
      }
      case "product" -> {
        ProductRegistered p = kind(item, statement, ProductRegistered.class, "product.registered");
        same(at, "product entry's gtin", p.gtin().digits(), "product.gtin", true);
        same(at, "product entry's gtin", p.gtin().digits(), "item.gtin", false);
        sameMark(at, "product entry's", p.trademark());
      }
      case "mark" -> {
        TrademarkRecorded m = kind(item, statement, TrademarkRecorded.class, "trademark.recorded");
        sameMark(at, "mark entry's", m.trademark());
        if (!hasHolderEntry) {
          same(at, "mark entry's holder", m.holder(), "holder.id", false);
        }
      }
      case "holder" -> {
        TrademarkAssigned a = kind(item, statement, TrademarkAssigned.class, "trademark.assigned");
        sameMark(at, "holder entry's", a.trademark());
        same(at, "holder entry's new holder", a.newHolder(), "holder.id", true);
      }
      case "status" -> {
        TrademarkStatusChanged s =
            kind(item, statement, TrademarkStatusChanged.class, "trademark.status-changed");
        sameMark(at, "status entry's", s.trademark());
      }
      case "license" -> {
        LicenseGranted l = kind(item, statement, LicenseGranted.class, "license.granted");
        same(at, "license entry's license", l.license(), "licensee.license", true);
        same(at, "license entry's licensee", l.licensee(), "licensee.id", true);
        same(
            at, "license entry's mark office", l.trademark().office().code(), "mark.office", false);
        same(at, "license entry's mark number", l.trademark().number(), "mark.number", false);
      }
      case "revocation" -> revocation(item, statement);
      default -> throw new IllegalStateException("role not in EvidenceDocument.ROLES");
    }
  }

  private void revocation(EvidenceDocument.Item item, Statement statement)
      throws EvidenceCheckException {
    String at = item.describe();
    if (statement instanceof BatchRevoked r) {
      same(at, "revocation entry's gtin", r.gtin().digits(), "item.gtin", true);
      same(at, "revocation entry's batch", r.batch(), "item.batch", true);
    } else if (statement instanceof LabelRevoked r) {
      same(at, "revocation entry's gtin", r.gtin().digits(), "item.gtin", true);
      same(at, "revocation entry's batch", r.batch(), "item.batch", true);
      String serial = claim("item.serial");
      if (serial == null || !r.serials().contains(serial)) {
        throw new EvidenceMismatchException(
            at, "revocation entry's serials", String.join(",", r.serials()), "item.serial", serial);
      }
    } else {
      throw wrongKind(item, statement, "label.revoked or batch.revoked");
    }
  }

  private void sameMark(String at, String whose, TrademarkRef ref) throws EvidenceCheckException {
    same(at, whose + " mark office", ref.office().code(), "mark.office", true);
    same(at, whose + " mark number", ref.number(), "mark.number", true);
  }

  /** Fails unless the document claims {@code proven} at {@code path} (or, if optional, nothing). */
  private void same(String at, String field, String proven, String path, boolean required)
      throws EvidenceMismatchException {
    String claimed = claim(path);
    if (claimed == null ? required : !claimed.equals(proven)) {
      throw new EvidenceMismatchException(at, field, proven, path, claimed);
    }
  }

  /** The document's value at {@code a.b}: its text, the JSON of a non-string, or null. */
  private String claim(String path) {
    int dot = path.indexOf('.');
    JsonNode parent = document.get(path.substring(0, dot));
    JsonNode value = parent == null ? null : parent.get(path.substring(dot + 1));
    if (value == null) {
      return null;
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private static <T extends Statement> T kind(
      EvidenceDocument.Item item, Statement statement, Class<T> type, String expected)
      throws EvidenceCheckException {
    if (!type.isInstance(statement)) {
      throw wrongKind(item, statement, expected);
    }
    return type.cast(statement);
  }

  private static EvidenceCheckException wrongKind(
      EvidenceDocument.Item item, Statement statement, String expected) {
    return new EvidenceCheckException(
        Check.CLAIMS,
        item.describe() + ": is a " + statement.kind() + " entry, expected " + expected);
  }
}
