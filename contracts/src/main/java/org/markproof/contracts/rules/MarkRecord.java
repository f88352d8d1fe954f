package org.markproof.contracts.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.entry.TrademarkStatus;

/**
 * A recorded trademark with its chain of ownership, its status history and the ids of the licenses
 * granted under it, each oldest first and each link citing the entry it came from.
 */
public record MarkRecord(
    TrademarkRecorded recorded,
    EntryRef source,
    List<HolderPeriod> holders,
    List<StatusPeriod> statuses,
    List<String> licenseIds) {
  public MarkRecord {
    holders = List.copyOf(holders);
    statuses = List.copyOf(statuses);
    licenseIds = List.copyOf(licenseIds);
  }

  static MarkRecord of(TrademarkRecorded recorded, EntryRef source) {
    return new MarkRecord(
        recorded,
        source,
        List.of(new HolderPeriod(recorded.holder(), recorded.filingDate(), source)),
        List.of(
            new StatusPeriod(
                TrademarkStatus.REGISTERED,
                recorded.registrationDate(),
                recorded.expiryDate(),
                source)),
        List.of());
  }

  public TrademarkRef trademark() {
    return recorded.trademark();
  }

  /** The holder by the chain of ownership on {@code date}; empty before the filing date. */
  public Optional<HolderPeriod> holderOn(LocalDate date) {
    HolderPeriod found = null;
    for (HolderPeriod period : holders) {
      if (!period.from().isAfter(date)) {
        found = period;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The last link of the chain of ownership (which may start in the future). */
  public HolderPeriod latestHolder() {
    return holders.get(holders.size() - 1);
  }

  /** The status period in force on {@code date}; empty before the registration date. */
  public Optional<StatusPeriod> statusOn(LocalDate date) {
    StatusPeriod found = null;
    for (StatusPeriod period : statuses) {
      if (!period.from().isAfter(date)) {
        found = period;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The most recently recorded status period. */
  public StatusPeriod latestStatus() {
    return statuses.get(statuses.size() - 1);
  }

  /**
   * Whether the mark is live on {@code date}: registered by then, in status registered or renewed,
   * and not past the expiry date in force.
   */
  public boolean isLiveOn(LocalDate date) {
    return statusOn(date).map(p -> p.isLiveOn(date)).orElse(false);
  }

  MarkRecord withHolder(HolderPeriod period) {
    List<HolderPeriod> next = new ArrayList<>(holders);
    next.add(period);
    return new MarkRecord(recorded, source, next, statuses, licenseIds);
  }

  MarkRecord withStatus(StatusPeriod period) {
    List<StatusPeriod> next = new ArrayList<>(statuses);
    next.add(period);
    return new MarkRecord(recorded, source, holders, next, licenseIds);
  }

  MarkRecord withLicense(String licenseId) {
    List<String> next = new ArrayList<>(licenseIds);
    next.add(licenseId);
    return new MarkRecord(recorded, source, holders, statuses, next);
  }
}
