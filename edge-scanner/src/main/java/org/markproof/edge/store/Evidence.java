package org.markproof.edge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Evidence of a log's misbehaviour, kept until uploaded ({@code POST /v1/edge/evidence}).
 *
 * @param id the row id
 * @param kind what was detected
 * @param oldNote the adopted checkpoint note it contradicts; empty when none was adopted
 * @param newNote the refused checkpoint note, signed by the log
 * @param proof the proof hashes that failed (a consistency proof), possibly empty
 * @param detail one sentence saying what failed
 * @param detectedAt when this post detected it
 * @param uploaded whether the service acknowledged it
 */
public record Evidence(
    long id,
    Kind kind,
    Optional<String> oldNote,
    String newNote,
    List<byte[]> proof,
    String detail,
    Instant detectedAt,
    boolean uploaded) {
  public Evidence {
    proof = List.copyOf(proof);
  }

  /** The kinds of misbehaviour a sync detects; {@link #code()} is what the store keeps. */
  public enum Kind {
    /** A signed checkpoint smaller than the adopted one. */
    ROLLBACK("rollback"),
    /** A signed checkpoint not consistent with the adopted one: a split view. */
    FORK("fork"),
    /** A signed checkpoint whose entries hash to its root but break the ledger's rules. */
    INVALID_ENTRY("invalid-entry");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    static Kind of(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown evidence kind " + code);
    }
  }
}
