package org.markproof.edge.scan;

import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.Judgement;
import org.markproof.contracts.verdict.ReasonCode;
import org.markproof.contracts.verdict.ScanContext;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.TerritoryFilter;

/**
 * Contracts' {@link Judge}, at a post whose store may keep only some territories' entries
 * (docs/edge.md "Territory filter"). Such a store holds no batch of a product registered for other
 * territories only, so a label of one is judged without its batch: not {@code COUNTERFEIT} for the
 * batch's absence (the batch may be genuine) and never {@code GENUINE}, but {@code NOT_AUTHORIZED}
 * with {@code territory-not-covered}, as {@link Judge} says of a known batch outside the post's
 * territory — the goods are outside it whatever their batch. The post must lie within the filter,
 * or the goods it meets could lack their batches; a scan elsewhere is refused.
 */
final class TerritoryJudge {
  private TerritoryJudge() {}

  /**
   * Judges {@code code} scanned at {@code post} against {@code state}, the state of a store that
   * keeps the entries of {@code kept} (all entries when empty).
   *
   * @throws EdgeStoreException if the store is filtered and the post is not within its territories
   */
  static Judgement judge(
      LedgerState state, ScannedCode code, PostProfile post, Optional<TerritoryFilter> kept)
      throws EdgeStoreException {
    Optional<OfficeCode> territory = post.territory().map(OfficeCode::of);
    if (kept.isPresent()) {
      requireWithin(post, territory, kept.get());
    }
    Judgement judged = Judge.judge(state, code, new ScanContext(territory));
    boolean serialised =
        judged.item().filter(f -> f.batch().isPresent() && f.serial().isPresent()).isPresent();
    if (kept.isEmpty()
        || !serialised
        || judged.batch().isPresent()
        || judged.product().isEmpty()
        || kept.get().reaches(judged.product().get().registration().territories())) {
      return judged;
    }
    return new Judgement(
        VerdictCode.NOT_AUTHORIZED,
        List.of(ReasonCode.TERRITORY_NOT_COVERED, ReasonCode.PRODUCT_REGISTERED),
        judged.detail(),
        judged.item(),
        judged.product(),
        judged.mark(),
        judged.status(),
        judged.holder(),
        judged.license(),
        judged.licensee(),
        Optional.empty(),
        judged.evidence(),
        judged.sightings());
  }

  private static void requireWithin(
      PostProfile post, Optional<OfficeCode> territory, TerritoryFilter kept)
      throws EdgeStoreException {
    if (territory.isEmpty()) {
      throw new EdgeStoreException(
          "the store keeps only the entries for "
              + kept.text()
              + ": give post "
              + post.postId()
              + "'s --territory (one of those, or a member state of a regional one)");
    }
    if (!kept.covers(territory.get())) {
      throw new EdgeStoreException(
          "post "
              + post.postId()
              + " is in territory "
              + territory.get()
              + ", outside the store's "
              + kept.text()
              + ": the batches of goods meant for it are not kept; sync a store with --territory "
              + territory.get()
              + " for this post");
    }
  }
}
