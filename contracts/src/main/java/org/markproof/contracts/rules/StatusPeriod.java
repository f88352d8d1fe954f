package org.markproof.contracts.rules;

import java.time.LocalDate;
import org.markproof.contracts.entry.TrademarkStatus;

/**
 * A mark's status from {@code from} until the next change, with the expiry date in force. The first
 * period is {@code registered} from the registration date with the recorded expiry.
 */
public record StatusPeriod(
    TrademarkStatus status, LocalDate from, LocalDate expiry, EntryRef source) {
  /** Whether the mark is live on {@code date} by this period: a live status, not expired. */
  public boolean isLiveOn(LocalDate date) {
    return status.isLive() && !date.isAfter(expiry);
  }
}
