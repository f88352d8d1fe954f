package org.markproof.contracts.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markproof.contracts.MalformedDataException;

/**
 * Parses the encoding of c2sp.org/signed-note §Format without verifying anything. Works on bytes,
 * without regular expressions, since it sits on the hot path of every checkpoint check.
 */
final class SignedNoteReader {
  private static final byte[] PREFIX = NoteSignature.LINE_PREFIX.getBytes(StandardCharsets.UTF_8);
  private static final int MIN_SIGNATURE_BYTES = 5; // a 4-byte key id and at least one byte

  private SignedNoteReader() {}

  static SignedNote read(byte[] note) throws MalformedDataException {
    if (note == null) {
      throw new MalformedDataException("signed note: missing");
    }
    if (note.length > SignedNote.MAX_NOTE_BYTES) {
      throw new MalformedDataException(
          "signed note: " + note.length + " bytes, more than " + SignedNote.MAX_NOTE_BYTES);
    }
    NoteText.requireValid(note, 0, note.length, "signed note");
    int split = lastBlankLine(note);
    if (split < 0) {
      throw new MalformedDataException("signed note: no blank line before the signatures");
    }
    int start = split + 2;
    if (start == note.length || note[note.length - 1] != '\n') {
      throw new MalformedDataException(
          "signed note: the signature block is empty or does not end with a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    while (start < note.length) {
      int end = indexOf(note, (byte) '\n', start);
      if (signatures.size() == SignedNote.MAX_SIGNATURES) {
        throw new MalformedDataException(
            "signed note: more than " + SignedNote.MAX_SIGNATURES + " signature lines");
      }
      signatures.add(readLine(note, start, end, signatures.size() + 1));
      start = end + 1;
    }
    String text = new String(note, 0, split + 1, StandardCharsets.UTF_8);
    return new SignedNote(text, signatures);
  }

  private static NoteSignature readLine(byte[] note, int from, int to, int number)
      throws MalformedDataException {
    String what = "signed note: signature line " + number;
    if (to - from < PREFIX.length
        || !Arrays.equals(note, from, from + PREFIX.length, PREFIX, 0, PREFIX.length)) {
      throw new MalformedDataException(what + " does not start with an em dash and a space");
    }
    int space = indexOf(note, (byte) ' ', from + PREFIX.length);
    if (space < 0 || space >= to) {
      throw new MalformedDataException(what + " has no space between key name and signature");
    }
    String name =
        new String(
            note, from + PREFIX.length, space - from - PREFIX.length, StandardCharsets.UTF_8);
    NoteText.requireValidKeyName(name, what);
    String base64 = new String(note, space + 1, to - space - 1, StandardCharsets.ISO_8859_1);
    byte[] raw = CanonicalBase64.decode(base64, what);
    if (raw.length < MIN_SIGNATURE_BYTES) {
      throw new MalformedDataException(
          what + ": " + raw.length + " signature bytes, expected at least " + MIN_SIGNATURE_BYTES);
    }
    int keyId =
        ((raw[0] & 0xff) << 24)
            | ((raw[1] & 0xff) << 16)
            | ((raw[2] & 0xff) << 8)
            | (raw[3] & 0xff);
    return new NoteSignature(name, keyId, Arrays.copyOfRange(raw, 4, raw.length));
  }

  private static int lastBlankLine(byte[] note) {
    for (int i = note.length - 2; i >= 0; i--) {
      if (note[i] == '\n' && note[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, byte value, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
