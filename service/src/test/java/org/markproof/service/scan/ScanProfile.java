package org.markproof.service.scan;

import java.util.HashMap;
import java.util.Map;
import org.markproof.service.submission.FreshLedgerProfile;

/**
 * A fresh ledger whose two test posts have known territories: Frankfurt in Germany (an EU mark
 * reaches it) and Lisbon, some 1,900 km away.
 */
public class ScanProfile extends FreshLedgerProfile {
  static final String POST = "de-fra-test";
  static final String FAR_POST = "pt-lis-test";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    config.put("markproof.scan.post-territories.\"" + POST + "\"", "DE");
    config.put("markproof.scan.post-territories.\"" + FAR_POST + "\"", "PT");
    return config;
  }
}
