/**
 * Signed notes (c2sp.org/signed-note), the format of transparency log checkpoints: {@link
 * org.markproof.contracts.note.SignedNote} parses, formats, signs and verifies them; keys are
 * {@link org.markproof.contracts.note.VerifierKey} / {@link org.markproof.contracts.note.SignerKey}
 * texts as in Go's {@code golang.org/x/mod/sumdb/note}; {@link
 * org.markproof.contracts.note.NoteVerifiers} is the set of known keys a note is opened with.
 *
 * <p>Trust rules: signatures by unknown keys are ignored, a failing signature by a known key
 * rejects the whole note ({@link org.markproof.contracts.note.NoteSignatureException}), and at
 * least one known key must have signed ({@link
 * org.markproof.contracts.note.UnverifiedNoteException}).
 */
package org.markproof.contracts.note;
