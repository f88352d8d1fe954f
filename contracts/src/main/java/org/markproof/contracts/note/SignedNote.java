package org.markproof.contracts.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * A signed note (c2sp.org/signed-note §Format): a text ending in a newline, a blank line, then one
 * or more signature lines. A parsed note proves nothing until {@link #verify} or {@link #open}
 * succeeds: its text must be ignored until then.
 *
 * @param text the note text, including its final newline, excluding the blank line
 * @param signatures the signature lines in order, from 1 to {@link #MAX_SIGNATURES}
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /**
   * The most signature lines accepted. The spec asks verifiers to accept at least 16; like Go's
   * {@code note.Open}, we accept 100 and reject a note with more.
   */
  public static final int MAX_SIGNATURES = 100;

  /**
   * The largest encoded note accepted, in bytes: room for {@link #MAX_SIGNATURES} post-quantum
   * signatures of nearly 5 kB each and a text of several hundred kB.
   */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  /** Checks the text rules and the signature count; copies the list. */
  public SignedNote {
    try {
      requireValidText(text);
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          signatures.size() + " signatures, expected 1 to " + MAX_SIGNATURES);
    }
  }

  /**
   * Parses an encoded note without verifying any signature.
   *
   * @throws MalformedDataException naming what breaks c2sp.org/signed-note §Format or our bounds
   */
  public static SignedNote parse(byte[] encoded) throws MalformedDataException {
    return SignedNoteReader.read(encoded);
  }

  /**
   * Parses an encoded note and verifies it against the known keys: see {@link #verify}.
   *
   * @throws MalformedDataException if the note is malformed
   * @throws NoteSignatureException if a signature by a known key does not verify
   * @throws UnverifiedNoteException if no signature by a known key is present
   */
  public static VerifiedNote open(byte[] encoded, NoteVerifiers known)
      throws MalformedDataException, NoteSignatureException, UnverifiedNoteException {
    return parse(encoded).verify(known);
  }

  /**
   * Signs {@code text} with each of {@code signers}, in order.
   *
   * @throws MalformedDataException if the text breaks the rules or the note would be too large
   */
  public static SignedNote sign(String text, List<? extends NoteSigner> signers)
      throws MalformedDataException {
    requireValidText(text);
    return withNewSignatures(text, List.of(), signers);
  }

  /**
   * Returns this note with signatures by {@code signers} appended; an existing signature by the
   * same key (name and id) is replaced, as Go's {@code note.Sign} does.
   *
   * @throws MalformedDataException if the note would be too large or have too many signatures
   */
  public SignedNote addSignatures(List<? extends NoteSigner> signers)
      throws MalformedDataException {
    return withNewSignatures(text, signatures, signers);
  }

  private static SignedNote withNewSignatures(
      String text, List<NoteSignature> existing, List<? extends NoteSigner> signers)
      throws MalformedDataException {
    if (signers.isEmpty() && existing.isEmpty()) {
      throw new MalformedDataException("signed note: no signer given");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> fresh = new ArrayList<>();
    for (NoteSigner signer : signers) {
      NoteText.requireValidKeyName(signer.name(), "signer");
      fresh.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(bytes)));
    }
    List<NoteSignature> all = new ArrayList<>();
    for (NoteSignature s : existing) {
      if (fresh.stream().noneMatch(f -> f.isBy(s.name(), s.keyId()))) {
        all.add(s);
      }
    }
    all.addAll(fresh);
    if (all.size() > MAX_SIGNATURES) {
      throw new MalformedDataException(
          "signed note: " + all.size() + " signatures, more than " + MAX_SIGNATURES);
    }
    SignedNote note = new SignedNote(text, all);
    int size = note.toBytes().length;
    if (size > MAX_NOTE_BYTES) {
      throw new MalformedDataException(
          "signed note: " + size + " bytes, more than " + MAX_NOTE_BYTES);
    }
    return note;
  }

  /**
   * Verifies every distinct signature by a known key and requires at least one of them
   * (c2sp.org/signed-note §Signatures). Signatures by unknown keys are ignored, even when they
   * share the name or the id (but not both) of a known key.
   *
   * @throws NoteSignatureException if a signature by a known key does not verify: the whole note is
   *     rejected
   * @throws UnverifiedNoteException if no signature is by a known key
   */
  public VerifiedNote verify(NoteVerifiers known)
      throws NoteSignatureException, UnverifiedNoteException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> verified = new ArrayList<>(1);
    List<NoteSignature> ignored = new ArrayList<>(0);
    for (NoteSignature s : signatures) {
      NoteVerifier verifier = known.lookup(s.name(), s.keyId());
      if (verifier == null) {
        if (!ignored.contains(s)) {
          ignored.add(s);
        }
        continue;
      }
      if (verified.contains(s)) {
        continue;
      }
      try {
        verifier.verify(bytes, s.signatureRef());
      } catch (SignatureVerificationException e) {
        throw new NoteSignatureException(s.name(), s.keyId(), e);
      }
      verified.add(s);
    }
    if (verified.isEmpty()) {
      throw new UnverifiedNoteException(
          "signed note: no signature by a known key among " + signatures.size(), this);
    }
    return new VerifiedNote(this, verified, ignored);
  }

  /** Returns the encoded note: text, blank line, one line per signature. */
  public String format() {
    StringBuilder out = new StringBuilder(text.length() + 128 * signatures.size());
    out.append(text).append('\n');
    for (NoteSignature s : signatures) {
      out.append(s.line()).append('\n');
    }
    return out.toString();
  }

  /** Returns {@link #format()} encoded as UTF-8. */
  public byte[] toBytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  private static void requireValidText(String text) throws MalformedDataException {
    if (text == null || text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new MalformedDataException("note text: empty or not ending with a newline");
    }
    NoteText.requireValid(text, "note text");
  }
}
