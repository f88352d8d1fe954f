package org.markproof.contracts.rules;

import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ProductRegistered;

/**
 * Product registration: a new GTIN under a live mark, in one of its Nice classes, by the mark's
 * holder today or by a licensee whose license in force today covers the GTIN, the class and the
 * territories.
 */
final class ProductRules {
  private ProductRules() {}

  static void validate(RuleContext c, ProductRegistered s) {
    if (c.state().product(s.gtin()).isPresent()) {
      c.add(
          ViolationCode.PRODUCT_DUPLICATE,
          "statement.gtin",
          "product " + s.gtin() + " is already registered");
    }
    Optional<MarkRecord> found = c.knownMark(s.trademark(), "statement.trademark");
    if (found.isEmpty()) {
      return;
    }
    MarkRecord mark = found.get();
    if (!mark.isLiveOn(c.today())) {
      c.add(
          ViolationCode.MARK_NOT_LIVE,
          "statement.trademark",
          s.trademark() + " is not live on " + c.today());
    }
    if (!mark.recorded().niceClasses().contains(s.niceClass())) {
      c.add(
          ViolationCode.PRODUCT_CLASS_NOT_IN_MARK,
          "statement.niceClass",
          "Nice class " + s.niceClass() + " is not among " + mark.recorded().niceClasses());
    }
    boolean holder =
        mark.holderOn(c.today()).map(h -> h.holder().equals(s.submitter())).orElse(false);
    if (holder) {
      return;
    }
    Optional<LicenseRecord> license =
        c.state().licensesFor(s.trademark()).stream()
            .filter(l -> l.grant().licensee().equals(s.submitter()))
            .filter(l -> l.isInForceOn(c.today()) && l.grant().scope().covers(s.gtin()))
            .findFirst();
    if (license.isEmpty()) {
      String holderName = mark.holderOn(c.today()).map(HolderPeriod::holder).orElse("nobody");
      c.add(
          ViolationCode.REGISTRANT_NOT_ENTITLED,
          "statement.submitter",
          s.submitter()
              + " neither holds "
              + s.trademark()
              + " (held by "
              + holderName
              + ") nor has a license in force covering "
              + s.gtin());
      return;
    }
    checkWithinScope(c, s, license.get());
  }

  private static void checkWithinScope(RuleContext c, ProductRegistered s, LicenseRecord license) {
    if (!license.grant().scope().niceClasses().contains(s.niceClass())) {
      c.add(
          ViolationCode.PRODUCT_OUTSIDE_LICENSE,
          "statement.niceClass",
          "license " + license.id() + " does not cover Nice class " + s.niceClass());
    }
    List<OfficeCode> licensed = license.grant().scope().territories();
    for (int i = 0; i < s.territories().size(); i++) {
      if (!licensed.contains(s.territories().get(i))) {
        c.add(
            ViolationCode.PRODUCT_OUTSIDE_LICENSE,
            "statement.territories[" + i + "]",
            "license " + license.id() + " does not cover territory " + s.territories().get(i));
      }
    }
  }

  static Tables apply(Tables t, ProductRegistered s, EntryRef at) {
    return t.withProduct(new ProductRecord(s, at));
  }
}
