package org.markproof.service.custody;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code custodial_key} table (V3__custody.sql) over the reactive PostgreSQL client: sealed
 * seeds in, sealed seeds out. It never sees a master key or a clear seed.
 */
@ApplicationScoped
public class CustodialKeyStore {
  private static final String COLUMNS =
      "participant, key_id, public_key, master_key_id, nonce, sealed_seed";

  private final Pool pool;

  CustodialKeyStore(Pool pool) {
    this.pool = pool;
  }

  /** The key held for {@code participant}, if any. */
  public Uni<Optional<StoredKey>> find(String participant) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM custodial_key WHERE participant = $1")
        .execute(Tuple.of(participant))
        .map(rows -> first(rows));
  }

  /**
   * Stores {@code key} unless a key is already held for its participant.
   *
   * @return whether this call stored it
   */
  public Uni<Boolean> insertIfAbsent(StoredKey key) {
    SealedSeed s = key.sealed();
    return pool.preparedQuery(
            "INSERT INTO custodial_key ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (participant) DO NOTHING")
        .execute(
            Tuple.from(
                List.of(
                    key.participant(),
                    key.keyId(),
                    buffer(key.publicKey()),
                    s.masterKeyId(),
                    buffer(s.nonce()),
                    buffer(s.ciphertext()))))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Deletes the key {@code keyId} of {@code participant}; whether there was one. */
  public Uni<Boolean> delete(String participant, String keyId) {
    return pool.preparedQuery("DELETE FROM custodial_key WHERE participant = $1 AND key_id = $2")
        .execute(Tuple.of(participant, keyId))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Up to {@code limit} keys not sealed under {@code masterKeyId}, in participant order after
   * {@code afterParticipant} (empty string: from the start): one page of a rotation.
   */
  public Uni<List<StoredKey>> notSealedUnder(
      String masterKeyId, String afterParticipant, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM custodial_key WHERE master_key_id <> $1 AND participant > $2"
                + " ORDER BY participant LIMIT $3")
        .execute(Tuple.of(masterKeyId, afterParticipant, limit))
        .map(
            rows -> {
              List<StoredKey> keys = new ArrayList<>();
              rows.forEach(row -> keys.add(key(row)));
              return keys;
            });
  }

  /**
   * Replaces the sealed seed of {@code key} by {@code resealed}, only if the row still holds the
   * seal {@code key} was read with (another replica may have re-encrypted it meanwhile).
   *
   * @return whether this call replaced it
   */
  public Uni<Boolean> reseal(StoredKey key, SealedSeed resealed) {
    return pool.preparedQuery(
            "UPDATE custodial_key SET master_key_id = $1, nonce = $2, sealed_seed = $3,"
                + " resealed_at = now() WHERE participant = $4 AND key_id = $5"
                + " AND master_key_id = $6 AND nonce = $7")
        .execute(
            Tuple.from(
                List.of(
                    resealed.masterKeyId(),
                    buffer(resealed.nonce()),
                    buffer(resealed.ciphertext()),
                    key.participant(),
                    key.keyId(),
                    key.sealed().masterKeyId(),
                    buffer(key.sealed().nonce()))))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Optional<StoredKey> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(key(iterator.next())) : Optional.empty();
  }

  private static StoredKey key(Row row) {
    return new StoredKey(
        row.getString("participant"),
        row.getString("key_id"),
        row.getBuffer("public_key").getBytes(),
        new SealedSeed(
            row.getString("master_key_id"),
            row.getBuffer("nonce").getBytes(),
            row.getBuffer("sealed_seed").getBytes()));
  }

  private static io.vertx.core.buffer.Buffer buffer(byte[] bytes) {
    return io.vertx.core.buffer.Buffer.buffer(bytes);
  }
}
