package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.Gtin;

/** JSON fields of the {@code license.*} statements. */
final class LicenseCodec {
  private LicenseCodec() {}

  static LicenseGranted readGranted(String submitter, JsonFields f) throws MalformedDataException {
    return new LicenseGranted(
        submitter,
        FieldReaders.identifier(f.required("license")),
        FieldReaders.identifier(f.required("licensor")),
        FieldReaders.identifier(f.required("licensee")),
        FieldReaders.trademark(f.required("trademark")),
        readScope(f.required("scope")),
        FieldReaders.date(f.required("startDate")),
        FieldReaders.date(f.required("endDate")));
  }

  static void writeGranted(LicenseGranted s, ObjectNode out) {
    out.put("license", s.license());
    out.put("licensor", s.licensor());
    out.put("licensee", s.licensee());
    out.set("trademark", TrademarkCodec.writeRef(s.trademark()));
    out.set("scope", writeScope(s.scope()));
    out.put("startDate", s.startDate().toString());
    out.put("endDate", s.endDate().toString());
  }

  static LicenseTerminated readTerminated(String submitter, JsonFields f)
      throws MalformedDataException {
    return new LicenseTerminated(
        submitter,
        FieldReaders.identifier(f.required("license")),
        FieldReaders.date(f.required("effectiveDate")));
  }

  static void writeTerminated(LicenseTerminated s, ObjectNode out) {
    out.put("license", s.license());
    out.put("effectiveDate", s.effectiveDate().toString());
  }

  /**
   * {@code {"gtins":[…],"companyPrefixes":[…],"niceClasses":[…],"territories":[…]}}: all four
   * present, GTINs or prefixes possibly empty but not both.
   */
  private static LicenseScope readScope(JsonValue value) throws MalformedDataException {
    JsonFields f = value.object("gtins", "companyPrefixes", "niceClasses", "territories");
    List<Gtin> gtins =
        FieldReaders.distinct(
            f.required("gtins"), 0, EntryLimits.MAX_SCOPE_GTINS, FieldReaders::gtin);
    List<String> prefixes =
        FieldReaders.distinct(
            f.required("companyPrefixes"),
            0,
            EntryLimits.MAX_SCOPE_COMPANY_PREFIXES,
            LicenseCodec::companyPrefix);
    List<Integer> classes = FieldReaders.niceClasses(f.required("niceClasses"));
    List<OfficeCode> territories =
        FieldReaders.distinct(
            f.required("territories"), 1, EntryLimits.MAX_TERRITORIES, FieldReaders::office);
    value.check(LicenseScope.problem(gtins, prefixes, territories));
    return new LicenseScope(gtins, prefixes, classes, territories);
  }

  private static String companyPrefix(JsonValue value) throws MalformedDataException {
    String text = value.text(12);
    value.check(FieldSyntax.companyPrefix(text));
    return text;
  }

  private static ObjectNode writeScope(LicenseScope scope) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode gtins = out.putArray("gtins");
    scope.gtins().forEach(g -> gtins.add(g.digits()));
    ArrayNode prefixes = out.putArray("companyPrefixes");
    scope.companyPrefixes().forEach(prefixes::add);
    out.set("niceClasses", TrademarkCodec.integers(scope.niceClasses()));
    out.set("territories", territories(scope.territories()));
    return out;
  }

  static ArrayNode territories(List<OfficeCode> codes) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    codes.forEach(c -> out.add(c.code()));
    return out;
  }
}
