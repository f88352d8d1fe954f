package org.markproof.service.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One row of the projected state, as of the log entry at {@code index}: which table, its key, the
 * columns authorization needs, and the document the query API answers with.
 */
sealed interface StateRow {
  long index();

  ObjectNode document();

  /** The row's primary key, to keep only the latest row per key in a batch of writes. */
  List<String> key();

  record Participant(String id, String role, boolean active, ObjectNode document, long index)
      implements StateRow {
    @Override
    public List<String> key() {
      return List.of("participant", id);
    }
  }

  record Trademark(
      String office, String number, String holder, String status, ObjectNode document, long index)
      implements StateRow {
    @Override
    public List<String> key() {
      return List.of("trademark", office, number);
    }
  }

  record License(String id, String licensor, String licensee, ObjectNode document, long index)
      implements StateRow {
    @Override
    public List<String> key() {
      return List.of("license", id);
    }
  }

  record Product(String gtin, String registrant, ObjectNode document, long index)
      implements StateRow {
    @Override
    public List<String> key() {
      return List.of("product", gtin);
    }
  }

  record Batch(String gtin, String batch, String issuer, ObjectNode document, long index)
      implements StateRow {
    @Override
    public List<String> key() {
      return List.of("batch", gtin, batch);
    }
  }
}
