package org.markproof.edge.store;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.ProductRecord;
import org.markproof.contracts.verdict.Territories;

/**
 * Which entries an edge store kept for some territories holds (docs/edge.md "Territory filter"):
 * {@code sync --territory EM,AU}. Every entry is still hashed into the tree; only the bytes of
 * batches, and of label and batch revocations, of products whose territories reach none of the
 * posts within the filter are not stored. Everything else is kept: participants, marks, licenses
 * and products (few, and every batch rule reads them), and seizures (the rules check a seizure's
 * scan reference against every other seizure, whatever its product).
 *
 * <p>A kept entry's rule then reads kept entries only: a batch's rules read its product, mark,
 * licenses and the batches of its own GTIN (kept or dropped with it); a revocation's its batch.
 */
public final class TerritoryFilter {
  /** How many codes a filter may name: more than the ST.3 list holds. */
  static final int MAX_CODES = 300;

  private final SortedSet<OfficeCode> territories;

  /** The territories a post served by the filter may name: each code and its member states. */
  private final Set<OfficeCode> posts = new TreeSet<>();

  private TerritoryFilter(SortedSet<OfficeCode> territories) {
    this.territories = Collections.unmodifiableSortedSet(territories);
    for (OfficeCode territory : territories) {
      posts.addAll(Territories.within(territory));
    }
  }

  /** The filter's ST.3 codes, in order. */
  public SortedSet<OfficeCode> territories() {
    return territories;
  }

  /**
   * The filter of {@code codes}, ST.3 codes such as {@code EM} or {@code AU}; duplicates count
   * once.
   *
   * @throws MalformedDataException if there is none, too many, or one is no ST.3 code
   */
  public static TerritoryFilter of(Collection<String> codes) throws MalformedDataException {
    if (codes.isEmpty() || codes.size() > MAX_CODES) {
      throw new MalformedDataException(
          "expected 1 to " + MAX_CODES + " territories (ST.3 codes), got " + codes.size());
    }
    SortedSet<OfficeCode> out = new TreeSet<>();
    for (String code : codes) {
      try {
        out.add(OfficeCode.of(code.strip()));
      } catch (IllegalArgumentException e) {
        throw new MalformedDataException("territory: " + e.getMessage(), e);
      }
    }
    return new TerritoryFilter(out);
  }

  /** The filter as stored and shown: its codes in order, comma-separated ({@code AU,EM}). */
  public String text() {
    return territories.stream().map(OfficeCode::code).collect(Collectors.joining(","));
  }

  /** The filter of a stored {@link #text()}. */
  static TerritoryFilter parse(String text) throws MalformedDataException {
    return of(List.of(text.split(",", -1)));
  }

  /**
   * Whether a post whose territory is {@code post} is served by this filter: one of its codes, or a
   * member state of a regional one. A post elsewhere would meet goods whose batches the store does
   * not hold.
   */
  public boolean covers(OfficeCode post) {
    return posts.contains(post);
  }

  /** Whether a product registered for {@code productTerritories} reaches a post of the filter. */
  public boolean reaches(Collection<OfficeCode> productTerritories) {
    for (OfficeCode post : posts) {
      if (Territories.reach(productTerritories, post)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the store keeps {@code statement}'s entry, applied after {@code before}: a batch or a
   * revocation only when its product reaches a post of the filter, or when the product is unknown
   * (then the rules refuse the entry, as in a store that keeps everything); all else always.
   */
  public boolean keeps(LedgerState before, Statement statement) {
    Optional<Gtin> gtin = batchGtin(statement);
    if (gtin.isEmpty()) {
      return true;
    }
    Optional<ProductRecord> product = before.product(gtin.get());
    return product.isEmpty() || reaches(product.get().registration().territories());
  }

  private static Optional<Gtin> batchGtin(Statement statement) {
    if (statement instanceof BatchIssued b) {
      return Optional.of(b.gtin());
    }
    if (statement instanceof LabelRevoked r) {
      return Optional.of(r.gtin());
    }
    if (statement instanceof BatchRevoked r) {
      return Optional.of(r.gtin());
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TerritoryFilter other && territories.equals(other.territories);
  }

  @Override
  public int hashCode() {
    return territories.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
