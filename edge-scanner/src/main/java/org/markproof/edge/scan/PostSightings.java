package org.markproof.edge.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.Sighting;
import org.markproof.edge.store.StoreReader;

/**
 * The post's own recent sightings of each item scanned, in memory, for clone checks on concurrent
 * scans: the latest ones stored (read from the store at an item's first scan) and the ones judged
 * but not yet committed. A scan holds its item from the clone check until its own sighting is
 * queued for commit, so two scans of one item never miss each other, and a scan records which
 * uncommitted sightings it counted ({@link GroupCommit} fails it if one of them is not written).
 *
 * <p>When another process writes to the store, {@link #forgetStored} makes every item read its
 * stored sightings again at its next scan.
 */
final class PostSightings {
  /** More items than this are dropped after a commit (those with nothing pending) and re-read. */
  private static final int MAX_ITEMS = 100_000;

  private static final Comparator<Sighting> BY_TIME = Comparator.comparing(Sighting::scannedAt);

  /** An item: GTIN, batch and serial. */
  record Key(String gtin, String batch, String serial) {
    static Key of(Sighting s) {
      return new Key(s.gtin(), s.batch(), s.serial());
    }
  }

  private static final class Item {
    final ReentrantLock lock = new ReentrantLock();
    long generation = -1;
    List<Sighting> stored = new ArrayList<>();
    final List<Pending> pending = new ArrayList<>();
    boolean dropped;
  }

  private record Pending(Sighting sighting, GroupCommit.Ticket ticket) {}

  private final ConcurrentHashMap<Key, Item> items = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final int keep;

  /**
   * @param keep how many of an item's latest sightings a clone check sees
   */
  PostSightings(int keep) {
    this.keep = keep;
  }

  /** One item, held by one scan until {@link #close}. */
  final class Held implements AutoCloseable {
    private final Item item;

    private Held(Item item) {
      this.item = item;
    }

    /**
     * The item's latest sightings scanned from {@code from} to {@code to} inclusive, stored or
     * pending, oldest first: what {@code SightingTable.between} would read if every pending one
     * were committed.
     */
    List<Sighting> between(Instant from, Instant to) {
      List<Sighting> all = new ArrayList<>(item.stored.size() + item.pending.size());
      item.stored.forEach(all::add);
      item.pending.forEach(p -> all.add(p.sighting));
      all.removeIf(s -> s.scannedAt().isBefore(from) || s.scannedAt().isAfter(to));
      all.sort(BY_TIME);
      return all.size() > keep ? all.subList(all.size() - keep, all.size()) : all;
    }

    /** The commits of the pending sightings a clone check counted. */
    List<GroupCommit.Ticket> pendingCommits() {
      List<GroupCommit.Ticket> out = new ArrayList<>(item.pending.size());
      item.pending.forEach(p -> out.add(p.ticket));
      return out;
    }

    /** Adds this scan's own sighting, queued for commit as {@code ticket}. */
    void add(Sighting sighting, GroupCommit.Ticket ticket) {
      item.pending.add(new Pending(sighting, ticket));
    }

    @Override
    public void close() {
      item.lock.unlock();
    }
  }

  /**
   * Holds {@code key}'s item, reading its stored sightings from {@code from} to {@code to} with
   * {@code reader} unless they are known.
   */
  Held hold(Key key, StoreReader reader, Instant from, Instant to) throws EdgeStoreException {
    while (true) {
      Item item = items.computeIfAbsent(key, k -> new Item());
      item.lock.lock();
      if (item.dropped) {
        item.lock.unlock();
        continue;
      }
      try {
        long current = generation.get();
        if (item.generation != current) {
          item.stored =
              new ArrayList<>(
                  reader.sightings(key.gtin(), key.batch(), key.serial(), from, to, keep));
          item.generation = current;
        }
        return new Held(item);
      } catch (EdgeStoreException | RuntimeException e) {
        item.lock.unlock();
        throw e;
      }
    }
  }

  /** {@code sighting}'s scan was committed: it is now a stored sighting. */
  void committed(Sighting sighting) {
    Item item = items.get(Key.of(sighting));
    if (item == null) {
      return;
    }
    item.lock.lock();
    try {
      if (item.pending.removeIf(p -> p.sighting.scanId().equals(sighting.scanId()))
          && item.generation == generation.get()) {
        item.stored.add(sighting);
        item.stored.sort(BY_TIME);
        if (item.stored.size() > keep) {
          item.stored =
              new ArrayList<>(item.stored.subList(item.stored.size() - keep, item.stored.size()));
        }
      }
    } finally {
      item.lock.unlock();
    }
    if (items.size() > MAX_ITEMS) {
      dropIdle();
    }
  }

  /** {@code sighting}'s scan failed or was never queued: it is no sighting. */
  void abandoned(Sighting sighting) {
    Item item = items.get(Key.of(sighting));
    if (item == null) {
      return;
    }
    item.lock.lock();
    try {
      item.pending.removeIf(p -> p.sighting.scanId().equals(sighting.scanId()));
    } finally {
      item.lock.unlock();
    }
  }

  /** Makes every item read its stored sightings again (another process wrote to the store). */
  void forgetStored() {
    generation.incrementAndGet();
  }

  private void dropIdle() {
    for (var e : items.entrySet()) {
      Item item = e.getValue();
      if (item.lock.tryLock()) {
        try {
          if (item.pending.isEmpty()) {
            item.dropped = true;
            items.remove(e.getKey(), item);
          }
        } finally {
          item.lock.unlock();
        }
      }
    }
  }
}
