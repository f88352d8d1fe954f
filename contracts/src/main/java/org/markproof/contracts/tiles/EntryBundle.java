package org.markproof.contracts.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;

/**
 * The entries of an entry bundle (c2sp.org/tlog-tiles "Log entries"): each encoded as a big-endian
 * uint16 length followed by that many bytes, so an entry is at most 65,535 bytes and a bundle at
 * most 256 entries.
 *
 * @param entries the entries in log order, each at most {@link #MAX_ENTRY_LENGTH} bytes
 */
public record EntryBundle(List<byte[]> entries) {
  /** Longest entry a uint16 length prefix can carry. */
  public static final int MAX_ENTRY_LENGTH = 0xFFFF;

  /** Most bytes a served bundle can have: a bound for readers of untrusted responses. */
  public static final int MAX_ENCODED_LENGTH = TileResource.FULL_WIDTH * (2 + MAX_ENTRY_LENGTH);

  /**
   * Copies the entries and checks their number and lengths.
   *
   * @throws IllegalArgumentException if there are no entries or more than 256, or an entry is
   *     longer than 65,535 bytes
   */
  public EntryBundle {
    if (entries.isEmpty() || entries.size() > TileResource.FULL_WIDTH) {
      throw new IllegalArgumentException(
          "a bundle holds 1.." + TileResource.FULL_WIDTH + " entries, got " + entries.size());
    }
    List<byte[]> copies = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      if (entry.length > MAX_ENTRY_LENGTH) {
        throw new IllegalArgumentException(
            "entry " + copies.size() + " has " + entry.length + " bytes, at most 65535 fit");
      }
      copies.add(entry.clone());
    }
    entries = List.copyOf(copies);
  }

  /** Returns copies of the entries. */
  @Override
  public List<byte[]> entries() {
    List<byte[]> copies = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      copies.add(entry.clone());
    }
    return copies;
  }

  /** Returns the RFC 9162 §2.1.1 leaf hashes of the entries: the matching level-0 tile. */
  public List<byte[]> leafHashes() {
    List<byte[]> hashes = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      hashes.add(MerkleHashes.leafHash(entry));
    }
    return hashes;
  }

  /** Returns the served bytes: each entry as a big-endian uint16 length and its bytes. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] entry : entries) {
      out.write(entry.length >>> 8);
      out.write(entry.length & 0xFF);
      out.write(entry, 0, entry.length);
    }
    return out.toByteArray();
  }

  /**
   * Parses the served bytes of bundle {@code id}, which must hold exactly {@code id.width()}
   * entries and nothing after them.
   *
   * @throws MalformedDataException if a length runs past the data, an entry is missing, or bytes
   *     remain after the last entry
   */
  public static EntryBundle decode(EntryBundleId id, byte[] data) throws MalformedDataException {
    if (data == null || data.length > MAX_ENCODED_LENGTH) {
      throw new MalformedDataException(
          id.path()
              + ": got "
              + (data == null ? "nothing" : data.length + " bytes")
              + ", expected at most "
              + MAX_ENCODED_LENGTH);
    }
    List<byte[]> entries = new ArrayList<>(id.width());
    int offset = 0;
    while (entries.size() < id.width()) {
      if (data.length - offset < 2) {
        throw new MalformedDataException(
            id.path() + ": got " + entries.size() + " entries, expected " + id.width());
      }
      int length = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
      offset += 2;
      if (data.length - offset < length) {
        throw new MalformedDataException(
            id.path()
                + ": entry "
                + entries.size()
                + " claims "
                + length
                + " bytes, only "
                + (data.length - offset)
                + " remain");
      }
      byte[] entry = new byte[length];
      System.arraycopy(data, offset, entry, 0, length);
      entries.add(entry);
      offset += length;
    }
    if (offset != data.length) {
      throw new MalformedDataException(
          id.path() + ": " + (data.length - offset) + " bytes after entry " + (id.width() - 1));
    }
    return new EntryBundle(entries);
  }

  /** Bundles are equal when they hold the same entry bytes in the same order. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntryBundle other) || other.entries.size() != entries.size()) {
      return false;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!Arrays.equals(entries.get(i), other.entries.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (byte[] entry : entries) {
      hash = 31 * hash + Arrays.hashCode(entry);
    }
    return hash;
  }
}
