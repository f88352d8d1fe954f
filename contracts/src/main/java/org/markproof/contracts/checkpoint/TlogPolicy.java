package org.markproof.contracts.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifiedNote;

/**
 * A transparency log trust policy (c2sp.org/tlog-policy): known logs, known witnesses, groups and
 * the quorum. A checkpoint is valid under the policy when one of the logs signed it, with the log's
 * key name as its origin, and the witnesses that cosigned it satisfy the quorum.
 *
 * @param logs the known logs; may be empty when the log is known from context
 * @param witnesses the known witnesses, in order of definition
 * @param groups the groups, in order of definition
 * @param quorum the name of the witness or group that must have witnessed, or {@link #NONE}
 */
public record TlogPolicy(
    List<PolicyLog> logs, List<PolicyWitness> witnesses, List<PolicyGroup> groups, String quorum) {
  /** The predefined quorum name that requires no cosignature. */
  public static final String NONE = "none";

  /** Copies the lists; checks that the quorum and every group member are defined. */
  public TlogPolicy {
    logs = List.copyOf(logs);
    witnesses = List.copyOf(witnesses);
    groups = List.copyOf(groups);
    Set<String> defined = new HashSet<>();
    witnesses.forEach(w -> defined.add(w.name()));
    for (PolicyGroup g : groups) {
      if (!defined.containsAll(g.members()) || !defined.add(g.name())) {
        throw new IllegalArgumentException(
            "group " + g.name() + " is redefined or uses undefined names");
      }
    }
    if (!NONE.equals(quorum) && !defined.contains(quorum)) {
      throw new IllegalArgumentException("quorum " + quorum + " is not defined");
    }
  }

  /**
   * Parses a policy file strictly and within bounds: see {@link TlogPolicyParser}.
   *
   * @throws MalformedDataException naming the line and what is wrong with it
   */
  public static TlogPolicy parse(byte[] policy) throws MalformedDataException {
    return TlogPolicyParser.parse(policy);
  }

  /** Returns a canonical text of the policy: logs, witnesses, groups (numeric k), quorum. */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (PolicyLog l : logs) {
      out.append("log ").append(l.verifier().verifierKey().text());
      l.url().ifPresent(u -> out.append(' ').append(u));
      out.append('\n');
    }
    for (PolicyWitness w : witnesses) {
      out.append("witness ").append(w.name()).append(' ').append(w.verifier().verifierKey().text());
      w.url().ifPresent(u -> out.append(' ').append(u));
      out.append('\n');
    }
    for (PolicyGroup g : groups) {
      out.append("group ").append(g.name()).append(' ').append(g.threshold());
      g.members().forEach(m -> out.append(' ').append(m));
      out.append('\n');
    }
    return out.append("quorum ").append(quorum).append('\n').toString();
  }

  /**
   * The keys of the witnesses, for {@link CheckpointVerifier#open(byte[], NoteVerifiers)}.
   *
   * @throws MalformedDataException if two witness keys share a name and key id
   */
  public NoteVerifiers witnessVerifiers() throws MalformedDataException {
    return NoteVerifiers.of(witnesses.stream().map(PolicyWitness::verifier).toList());
  }

  /**
   * The keys of the logs and the witnesses.
   *
   * @throws MalformedDataException if two keys share a name and key id
   */
  public NoteVerifiers verifiers() throws MalformedDataException {
    List<NoteVerifier> all = new ArrayList<>();
    logs.forEach(l -> all.add(l.verifier()));
    witnesses.forEach(w -> all.add(w.verifier()));
    return NoteVerifiers.of(all);
  }

  /**
   * Applies the whole validity rule to a checkpoint note: every signature by a policy key verifies,
   * one of the logs signed it and its key name is the origin, and the quorum is met.
   *
   * @throws MalformedDataException if the note or checkpoint is malformed, or the policy has no log
   * @throws NoteSignatureException if a signature by a policy key does not verify
   * @throws UnverifiedNoteException if no log of the policy signed it
   * @throws OriginMismatchException if the origin is not the name of a log that signed it
   * @throws PolicyNotSatisfiedException if the cosignatures do not meet the quorum
   */
  public VerifiedCheckpoint verify(byte[] checkpointNote)
      throws MalformedDataException,
          NoteSignatureException,
          UnverifiedNoteException,
          OriginMismatchException,
          PolicyNotSatisfiedException {
    if (logs.isEmpty()) {
      throw new MalformedDataException(
          "policy defines no log: give the log's CheckpointVerifier instead");
    }
    NoteVerifiers known = verifiers();
    SignedNote note = SignedNote.parse(checkpointNote);
    VerifiedNote verified = note.verify(known);
    List<String> signedBy =
        logs.stream()
            .filter(l -> verified.isVerifiedBy(l.verifier()))
            .map(l -> l.verifier().name())
            .toList();
    if (signedBy.isEmpty()) {
      throw new UnverifiedNoteException("checkpoint: no signature by a log of the policy", note);
    }
    Checkpoint checkpoint = Checkpoint.parse(verified.text());
    if (!signedBy.contains(checkpoint.origin())) {
      throw new OriginMismatchException(String.join(" or ", signedBy), checkpoint.origin());
    }
    requireQuorum(verified);
    return new VerifiedCheckpoint(
        checkpoint, verified, CheckpointVerifier.cosignatures(verified, known));
  }

  /**
   * Opens a checkpoint with a log known from context, then applies the quorum to the cosignatures
   * of the policy's witnesses.
   *
   * @throws MalformedDataException as {@link CheckpointVerifier#open(byte[], NoteVerifiers)}
   * @throws NoteSignatureException if the log's or a known witness's signature does not verify
   * @throws UnverifiedNoteException if the log did not sign it
   * @throws OriginMismatchException if the checkpoint is of another origin
   * @throws PolicyNotSatisfiedException if the cosignatures do not meet the quorum
   */
  public VerifiedCheckpoint verify(byte[] checkpointNote, CheckpointVerifier log)
      throws MalformedDataException,
          NoteSignatureException,
          UnverifiedNoteException,
          OriginMismatchException,
          PolicyNotSatisfiedException {
    VerifiedCheckpoint checkpoint = log.open(checkpointNote, witnessVerifiers());
    requireQuorum(checkpoint.note());
    return checkpoint;
  }

  /**
   * Checks that the witnesses with a verified signature in {@code note} satisfy the quorum.
   *
   * @throws PolicyNotSatisfiedException naming each unmet group and witness
   */
  public void requireQuorum(VerifiedNote note) throws PolicyNotSatisfiedException {
    if (NONE.equals(quorum)) {
      return;
    }
    Set<String> cosigned =
        witnesses.stream()
            .filter(w -> note.isVerifiedBy(w.verifier()))
            .map(PolicyWitness::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, PolicyGroup> byName = new HashMap<>();
    groups.forEach(g -> byName.put(g.name(), g));
    List<String> shortfalls = new ArrayList<>();
    if (!witnessed(quorum, cosigned, byName, shortfalls)) {
      throw new PolicyNotSatisfiedException(quorum, cosigned, shortfalls);
    }
  }

  private static boolean witnessed(
      String name, Set<String> cosigned, Map<String, PolicyGroup> groups, List<String> why) {
    PolicyGroup group = groups.get(name);
    if (group == null) {
      boolean ok = cosigned.contains(name);
      if (!ok) {
        why.add("witness " + name + " has not cosigned");
      }
      return ok;
    }
    List<String> inner = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String member : group.members()) {
      if (!witnessed(member, cosigned, groups, inner)) {
        missing.add(member);
      }
    }
    int have = group.members().size() - missing.size();
    if (have >= group.threshold()) {
      return true;
    }
    why.add(
        "group "
            + name
            + " needs "
            + group.threshold()
            + " of "
            + group.members()
            + ", has "
            + have
            + ", missing "
            + missing);
    inner.stream().filter(s -> s.startsWith("group ")).forEach(why::add);
    return false;
  }
}
