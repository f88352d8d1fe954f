package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code evidence} table: misbehaviour detected by syncs, each committed on its own. */
public final class EvidenceTable {
  private final Connection db;
  private final Path file;

  EvidenceTable(Connection db, Path file) {
    this.db = db;
    this.file = file;
  }

  /** Records evidence in its own committed transaction; returns its id. */
  public long record(
      Evidence.Kind kind,
      Optional<String> oldNote,
      String newNote,
      List<byte[]> proof,
      String detail,
      Instant detectedAt)
      throws EdgeStoreException {
    String proofText =
        proof.stream()
            .map(h -> Base64.getEncoder().encodeToString(h))
            .collect(Collectors.joining("\n"));
    try (PreparedStatement q =
        db.prepareStatement(
            "INSERT INTO evidence (kind, old_note, new_note, proof, detail, detected_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      q.setString(1, kind.code());
      q.setString(2, oldNote.orElse(null));
      q.setString(3, newNote);
      q.setString(4, proofText);
      q.setString(5, detail);
      q.setLong(6, detectedAt.toEpochMilli());
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new EdgeStoreException(file + ": cannot record evidence: " + e.getMessage(), e);
    }
  }

  /** Every piece of evidence, oldest first. */
  public List<Evidence> all() throws EdgeStoreException {
    List<Evidence> out = new ArrayList<>();
    try (PreparedStatement q =
            db.prepareStatement(
                "SELECT id, kind, old_note, new_note, proof, detail, detected_at, uploaded"
                    + " FROM evidence ORDER BY id");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        String proofText = r.getString(5);
        List<byte[]> proof = new ArrayList<>();
        for (String line : proofText.isEmpty() ? new String[0] : proofText.split("\n")) {
          proof.add(Base64.getDecoder().decode(line));
        }
        out.add(
            new Evidence(
                r.getLong(1),
                Evidence.Kind.of(r.getString(2)),
                Optional.ofNullable(r.getString(3)),
                r.getString(4),
                proof,
                r.getString(6),
                Instant.ofEpochMilli(r.getLong(7)),
                r.getInt(8) != 0));
      }
      return out;
    } catch (SQLException | IllegalArgumentException e) {
      throw new EdgeStoreException(file + ": cannot read evidence: " + e.getMessage(), e);
    }
  }

  /** How many pieces of evidence the service has not acknowledged yet. */
  public long notUploaded() throws EdgeStoreException {
    try (PreparedStatement q =
            db.prepareStatement("SELECT count(*) FROM evidence WHERE uploaded = 0");
        ResultSet r = q.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw new EdgeStoreException(file + ": cannot count evidence: " + e.getMessage(), e);
    }
  }

  /** Marks evidence {@code id} as acknowledged by the service. */
  public void markUploaded(long id) throws EdgeStoreException {
    try (PreparedStatement q =
        db.prepareStatement("UPDATE evidence SET uploaded = 1 WHERE id = ?")) {
      q.setLong(1, id);
      q.executeUpdate();
    } catch (SQLException e) {
      throw new EdgeStoreException(file + ": cannot mark evidence: " + e.getMessage(), e);
    }
  }
}
