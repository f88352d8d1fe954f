package org.markproof.contracts.entry;

import java.util.HashSet;
import java.util.List;
import org.markproof.contracts.label.Gtin;

/**
 * What a license covers: products named by GTIN or by GS1 company prefix (at least one of the two),
 * goods in some of the mark's Nice classes, sold in territories given as WIPO ST.3 codes.
 */
public record LicenseScope(
    List<Gtin> gtins,
    List<String> companyPrefixes,
    List<Integer> niceClasses,
    List<OfficeCode> territories) {
  public LicenseScope {
    gtins = List.copyOf(gtins);
    companyPrefixes = List.copyOf(companyPrefixes);
    niceClasses = List.copyOf(niceClasses);
    territories = List.copyOf(territories);
    FieldSyntax.require("scope", problem(gtins, companyPrefixes, territories));
    for (String prefix : companyPrefixes) {
      FieldSyntax.require("scope companyPrefixes", FieldSyntax.companyPrefix(prefix));
    }
    FieldSyntax.require("scope niceClasses", NiceClasses.problem(niceClasses));
  }

  static String problem(
      List<Gtin> gtins, List<String> companyPrefixes, List<OfficeCode> territories) {
    if (gtins.isEmpty() && companyPrefixes.isEmpty()) {
      return "expected at least one GTIN or company prefix";
    }
    if (territories.isEmpty()) {
      return "expected at least one territory";
    }
    if (new HashSet<>(gtins).size() != gtins.size()
        || new HashSet<>(companyPrefixes).size() != companyPrefixes.size()
        || new HashSet<>(territories).size() != territories.size()) {
      return "a GTIN, company prefix or territory is listed twice";
    }
    return null;
  }

  /** Whether {@code gtin} is listed or carries one of the listed company prefixes. */
  public boolean covers(Gtin gtin) {
    return gtins.contains(gtin) || companyPrefixes.stream().anyMatch(gtin::hasCompanyPrefix);
  }
}
