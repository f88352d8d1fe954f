package org.markproof.contracts.note;

import java.util.List;

/**
 * A signed note whose signatures by known keys all verified, at least one of them.
 *
 * @param note the note as parsed
 * @param verified the distinct signatures by known keys, all verified, in note order
 * @param ignored the distinct signatures by unknown keys, not verified, in note order
 */
public record VerifiedNote(
    SignedNote note, List<NoteSignature> verified, List<NoteSignature> ignored) {
  /** Copies the lists. */
  public VerifiedNote {
    verified = List.copyOf(verified);
    ignored = List.copyOf(ignored);
  }

  /** The verified text. */
  public String text() {
    return note.text();
  }

  /** Returns whether a verified signature is by the key {@code name} with {@code keyId}. */
  public boolean isVerifiedBy(String name, int keyId) {
    for (NoteSignature s : verified) {
      if (s.isBy(name, keyId)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether a verified signature is by {@code verifier}'s key. */
  public boolean isVerifiedBy(NoteVerifier verifier) {
    return isVerifiedBy(verifier.name(), verifier.keyId());
  }
}
