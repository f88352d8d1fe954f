package org.markproof.contracts.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.markproof.contracts.label.Gtin;

/** Finds the right under which a participant could issue batches of a product on a date. */
final class Entitlements {
  private Entitlements() {}

  static Optional<Entitlement> find(LedgerState state, String issuer, Gtin gtin, LocalDate date) {
    Optional<ProductRecord> product = state.product(gtin);
    if (product.isEmpty()) {
      return Optional.empty();
    }
    Optional<MarkRecord> found = state.mark(product.get().registration().trademark());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MarkRecord mark = found.get();
    Optional<HolderPeriod> holder = mark.holderOn(date);
    if (holder.isPresent() && holder.get().holder().equals(issuer)) {
      return Optional.of(new Entitlement.AsHolder(mark, holder.get()));
    }
    int niceClass = product.get().registration().niceClass();
    for (String licenseId : mark.licenseIds()) {
      LicenseRecord license = state.license(licenseId).orElseThrow();
      if (license.grant().licensee().equals(issuer) && license.covers(gtin, niceClass, date)) {
        return Optional.of(new Entitlement.AsLicensee(mark, license));
      }
    }
    return Optional.empty();
  }
}
