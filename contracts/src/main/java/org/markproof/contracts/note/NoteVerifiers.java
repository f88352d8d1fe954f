package org.markproof.contracts.note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * The known keys a note is checked against, looked up by the pair (key name, key id) as
 * c2sp.org/signed-note §Signatures requires: a signature that matches only the name or only the id
 * of a known key is by an unknown key.
 *
 * <p>Two different keys with the same name and id would make a signature ambiguous, so building
 * such a set fails; the same key given twice is kept once.
 */
public final class NoteVerifiers {
  private static final NoteVerifiers NONE = new NoteVerifiers(Map.of());

  private record Id(String name, int keyId) {}

  private final Map<Id, NoteVerifier> byId;

  private NoteVerifiers(Map<Id, NoteVerifier> byId) {
    this.byId = byId;
  }

  /** The empty set: every signature is by an unknown key. */
  public static NoteVerifiers none() {
    return NONE;
  }

  /**
   * Builds the set of {@code verifiers}.
   *
   * @throws MalformedDataException if two different keys share a name and key id
   */
  public static NoteVerifiers of(NoteVerifier... verifiers) throws MalformedDataException {
    return of(Arrays.asList(verifiers));
  }

  /**
   * Builds the set of {@code verifiers}.
   *
   * @throws MalformedDataException if two different keys share a name and key id
   */
  public static NoteVerifiers of(Collection<? extends NoteVerifier> verifiers)
      throws MalformedDataException {
    Map<Id, NoteVerifier> map = new LinkedHashMap<>();
    for (NoteVerifier v : verifiers) {
      add(map, v);
    }
    return new NoteVerifiers(map);
  }

  /**
   * Returns the union of this set and {@code other}.
   *
   * @throws MalformedDataException if two different keys share a name and key id
   */
  public NoteVerifiers with(NoteVerifiers other) throws MalformedDataException {
    Map<Id, NoteVerifier> map = new LinkedHashMap<>(byId);
    for (NoteVerifier v : other.byId.values()) {
      add(map, v);
    }
    return new NoteVerifiers(map);
  }

  private static void add(Map<Id, NoteVerifier> map, NoteVerifier v) throws MalformedDataException {
    NoteVerifier previous = map.putIfAbsent(new Id(v.name(), v.keyId()), v);
    if (previous != null && !previous.verifierKey().equals(v.verifierKey())) {
      throw new MalformedDataException(
          "ambiguous key "
              + v.name()
              + "+"
              + VerifierKey.hexKeyId(v.keyId())
              + ": two different keys share this name and key id");
    }
  }

  /** Returns the verifier of the key {@code name} with {@code keyId}, if known. */
  public Optional<NoteVerifier> find(String name, int keyId) {
    return Optional.ofNullable(lookup(name, keyId));
  }

  NoteVerifier lookup(String name, int keyId) {
    return byId.get(new Id(name, keyId));
  }

  /** All verifiers, in the order they were given. */
  public List<NoteVerifier> all() {
    return List.copyOf(new ArrayList<>(byId.values()));
  }

  /** The number of distinct keys. */
  public int size() {
    return byId.size();
  }

  @Override
  public String toString() {
    return "NoteVerifiers" + byId.keySet();
  }
}
