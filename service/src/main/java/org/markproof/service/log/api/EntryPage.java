package org.markproof.service.log.api;

import java.util.List;

/**
 * A page of {@code /v1/log/entries}: entries {@code [start, end)} of the tree of {@code treeSize}
 * entries the page was read from; {@code end} is where the next page starts.
 */
public record EntryPage(long treeSize, long start, long end, List<EntryView> entries) {
  public EntryPage {
    entries = List.copyOf(entries);
  }
}
