package org.markproof.service.edge;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.keys.LogKeys;

/**
 * What the service can tell about a post's evidence: whether each note carries this log's signature
 * (only then is the report evidence against this log), whether each signed checkpoint is one of
 * this log's own tree (a signed root that is not means the key signed a split view), and whether
 * the report's claim holds (a rollback's offered size is smaller; a fork's proof fails).
 */
@ApplicationScoped
class EvidenceChecks {
  private final LogKeys keys;
  private final LedgerView ledger;

  EvidenceChecks(LogKeys keys, LedgerView ledger) {
    this.keys = keys;
    this.ledger = ledger;
  }

  /**
   * The checks' outcome: {@code verified} when both notes are this log's; {@code splitView} when
   * they show that this log's key signed a tree other than this log's (a root that is not this
   * log's root at its size, or two roots for one size); and every finding.
   */
  record Outcome(boolean verified, boolean splitView, List<String> findings) {
    Outcome {
      findings = List.copyOf(findings);
    }
  }

  Outcome check(EvidenceReport report) {
    List<String> findings = new ArrayList<>();
    Optional<Checkpoint> adopted = open("adopted", report.adopted(), findings);
    Optional<Checkpoint> offered = open("offered", report.offered(), findings);
    boolean foreignRoot =
        adopted.filter(this::notOurRoot).isPresent()
            || offered.filter(this::notOurRoot).isPresent();
    if (adopted.isEmpty() || offered.isEmpty()) {
      findings.add("not evidence against this log: a note without its signature proves nothing");
      return new Outcome(false, foreignRoot, findings);
    }
    boolean twoRoots =
        adopted.get().size() == offered.get().size()
            && !MessageDigest.isEqual(adopted.get().rootHash(), offered.get().rootHash());
    claim(report, adopted.get(), offered.get(), findings);
    return new Outcome(true, foreignRoot || twoRoots, findings);
  }

  private Optional<Checkpoint> open(String role, String note, List<String> findings) {
    Checkpoint checkpoint;
    try {
      // Any of the log's checkpoint keys, retired ones included: a root the old key signed
      // over another tree is evidence too.
      checkpoint = keys.openCheckpoint(note.getBytes(StandardCharsets.UTF_8)).checkpoint();
    } catch (MalformedDataException | VerificationException e) {
      findings.add(role + ": not signed by this log's keys: " + e.getMessage());
      return Optional.empty();
    }
    long size = checkpoint.size();
    long known = ledger.snapshot().size();
    if (size > known) {
      findings.add(
          role + ": signed by this log, size " + size + ", beyond the " + known + " entries here");
    } else if (MessageDigest.isEqual(ledger.root(size), checkpoint.rootHash())) {
      findings.add(role + ": signed by this log, size " + size + ", this log's own root");
    } else {
      findings.add(
          role
              + ": signed by this log, size "
              + size
              + ", but NOT this log's root at that size: the log key signed another tree");
    }
    return Optional.of(checkpoint);
  }

  private boolean notOurRoot(Checkpoint checkpoint) {
    return checkpoint.size() <= ledger.snapshot().size()
        && !MessageDigest.isEqual(ledger.root(checkpoint.size()), checkpoint.rootHash());
  }

  private static void claim(
      EvidenceReport report, Checkpoint adopted, Checkpoint offered, List<String> findings) {
    if (report.kind().equals("rollback")) {
      findings.add(
          offered.size() < adopted.size()
              ? "rollback confirmed: offered size "
                  + offered.size()
                  + " < adopted "
                  + adopted.size()
              : "no rollback: offered size " + offered.size() + " >= adopted " + adopted.size());
      return;
    }
    Checkpoint small = adopted.size() <= offered.size() ? adopted : offered;
    Checkpoint large = small == adopted ? offered : adopted;
    if (small.size() == large.size()) {
      findings.add(
          MessageDigest.isEqual(small.rootHash(), large.rootHash())
              ? "no fork: the same checkpoint twice"
              : "fork confirmed: two roots signed for size " + small.size());
      return;
    }
    if (report.proof().isEmpty()) {
      findings.add("fork not checked: the report carries no consistency proof");
      return;
    }
    try {
      ProofVerifier.verifyConsistency(
          small.size(), large.size(), report.proof(), small.rootHash(), large.rootHash());
      findings.add(
          "no fork: the proof shows size " + small.size() + " consistent with " + large.size());
    } catch (VerificationException e) {
      findings.add("fork: the consistency proof fails: " + e.getMessage());
    }
  }
}
