package org.markproof.contracts.verdict;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.TlogPolicy;
import org.markproof.contracts.checkpoint.TlogProofVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.VerifierKey;
import org.markproof.contracts.verdict.EvidenceCheckException.Check;

/**
 * Checks a saved verdict document offline, as docs/verdicts.md "Checking a verdict offline" says,
 * in its order: (1) the document's signature with the verdict key, (2) the checkpoint's signature
 * with the log key, (3) every entry's c2sp.org/tlog-proof against that checkpoint, each carrying
 * that same checkpoint byte for byte and proving the index the entry gives, and (4) that the proven
 * entries say what the verdict claims and that its code has the entries it needs.
 *
 * <p>A verdict's evidence is only as good as the checkpoint: with a {@link TlogPolicy} the
 * checkpoint must also carry the witness cosignatures it demands (c2sp.org/tlog-policy).
 */
public final class EvidenceVerifier {
  /** Largest document accepted, in bytes. */
  public static final int MAX_DOCUMENT_BYTES = EvidenceJson.MAX_DOCUMENT_BYTES;

  private final CheckpointVerifier log;
  private final Optional<TlogPolicy> policy;
  private final Ed25519NoteVerifier verdictKey;

  private EvidenceVerifier(
      CheckpointVerifier log, Optional<TlogPolicy> policy, Ed25519NoteVerifier verdictKey) {
    this.log = Objects.requireNonNull(log);
    this.policy = Objects.requireNonNull(policy);
    this.verdictKey = Objects.requireNonNull(verdictKey);
  }

  /** Checks verdicts signed by {@code verdictKey} against checkpoints {@code log} opens. */
  public static EvidenceVerifier of(CheckpointVerifier log, Ed25519NoteVerifier verdictKey) {
    return new EvidenceVerifier(log, Optional.empty(), verdictKey);
  }

  /** The same verifier, also requiring the witness quorum of {@code policy} on the checkpoint. */
  public EvidenceVerifier withPolicy(TlogPolicy policy) {
    return new EvidenceVerifier(log, Optional.of(policy), verdictKey);
  }

  /**
   * A log entry whose inclusion was proven and whose content matched the verdict's claims.
   *
   * @param position its position in {@code evidence.entries}
   * @param role its role ({@code batch}, {@code product}, …)
   * @param index its index in the log
   * @param entry the parsed leaf
   */
  public record ProvenEntry(int position, String role, long index, LogEntry entry) {}

  /**
   * What a verified document showed.
   *
   * @param verdict the verdict code
   * @param checkpoint the verified checkpoint every proof was checked against
   * @param entries every evidence entry, in document order
   */
  public record Result(String verdict, VerifiedCheckpoint checkpoint, List<ProvenEntry> entries) {
    /** Copies the list. */
    public Result {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Verifies {@code document}, the bytes of a saved verdict.
   *
   * @throws MalformedDataException if the document is larger than {@link #MAX_DOCUMENT_BYTES}, not
   *     strict JSON, or not of the verdict format: a member is missing or of the wrong type, a role
   *     is unknown or used twice, a proof or the checkpoint cannot be parsed
   * @throws EvidenceCheckException naming the check that failed, with the failure beneath as its
   *     cause; an {@link EvidenceMismatchException} when an entry contradicts a claim
   */
  public Result verify(byte[] document) throws MalformedDataException, EvidenceCheckException {
    ObjectNode json = EvidenceJson.read(document);
    checkSignature(json);
    EvidenceDocument evidence = EvidenceDocument.read(json);
    VerifiedCheckpoint checkpoint = checkCheckpoint(evidence.checkpoint());
    checkProofs(evidence);
    List<ProvenEntry> entries = EvidenceClaims.check(evidence.verdict(), json, evidence.entries());
    return new Result(evidence.verdict(), checkpoint, entries);
  }

  private void checkSignature(ObjectNode json)
      throws MalformedDataException, EvidenceCheckException {
    try {
      VerdictSignature.verify(json, verdictKey);
    } catch (VerificationException e) {
      throw new EvidenceCheckException(Check.SIGNATURE, "does not verify", e);
    }
  }

  private VerifiedCheckpoint checkCheckpoint(byte[] note)
      throws MalformedDataException, EvidenceCheckException {
    try {
      return policy.isPresent() ? policy.get().verify(note, log) : log.open(note);
    } catch (MalformedDataException e) {
      throw new MalformedDataException("evidence.checkpoint: " + e.getMessage(), e);
    } catch (VerificationException e) {
      throw new EvidenceCheckException(
          Check.CHECKPOINT,
          "evidence.checkpoint does not verify with the log key "
              + log.logKey().name()
              + "+"
              + VerifierKey.hexKeyId(log.logKey().keyId())
              + policy.map(p -> " and the policy").orElse(""),
          e);
    }
  }

  private void checkProofs(EvidenceDocument evidence)
      throws MalformedDataException, EvidenceCheckException {
    for (EvidenceDocument.Item item : evidence.entries()) {
      if (!Arrays.equals(item.proof().checkpointNote(), evidence.checkpoint())) {
        throw new EvidenceCheckException(
            Check.PROOFS,
            item.describe() + ": its proof carries another checkpoint than evidence.checkpoint");
      }
      if (item.proof().index() != item.index()) {
        throw new EvidenceCheckException(
            Check.PROOFS, item.describe() + ": its proof is for index " + item.proof().index());
      }
      // The note is the one check 2 verified; TlogProofVerifier opens it again, so that the
      // inclusion is checked the one way every tlog-proof is.
      try {
        if (policy.isPresent()) {
          TlogProofVerifier.verify(
              item.proof(), log, policy.get(), MerkleHashes.leafHash(item.entry()));
        } else {
          TlogProofVerifier.verifyEntry(item.proof(), log, item.entry());
        }
      } catch (VerificationException e) {
        throw new EvidenceCheckException(
            Check.PROOFS, item.describe() + ": proof does not verify against the checkpoint", e);
      }
    }
  }
}
