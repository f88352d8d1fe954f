package org.markproof.service.labels;

import java.util.List;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.Gtin;

/**
 * Signed labels of one batch, in request order.
 *
 * @param links each label's Digital Link, AI (8030) set
 */
record LabelSet(Gtin gtin, String batch, List<DigitalLink> links) {
  LabelSet {
    links = List.copyOf(links);
  }
}
