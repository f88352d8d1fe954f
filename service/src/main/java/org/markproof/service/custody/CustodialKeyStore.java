package org.markproof.service.custody;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markproof.service.store.GroupedWrites;

/**
 * The {@code custodial_key} table (V3__custody.sql) over the reactive PostgreSQL client: sealed
 * seeds in, sealed seeds out. It never sees a master key or a clear seed.
 */
@ApplicationScoped
public class CustodialKeyStore {
  private static final String COLUMNS =
      "participant, key_id, public_key, master_key_id, nonce, sealed_seed";

  /** Most keys stored by one commit. */
  private static final int MAX_GROUP = 256;

  /**
   * One statement for a group of new keys, over column arrays in the group's order: of two keys for
   * one participant the earlier is stored. {@code RETURNING key_id} names those stored.
   */
  private static final String INSERT_GROUP =
      "INSERT INTO custodial_key ("
          + COLUMNS
          + ") SELECT r.participant, r.key_id, r.public_key, r.master_key_id, r.nonce,"
          + " r.sealed_seed FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[],"
          + " $5::bytea[], $6::bytea[]) WITH ORDINALITY AS r(participant, key_id, public_key,"
          + " master_key_id, nonce, sealed_seed, position) ORDER BY r.position"
          + " ON CONFLICT (participant) DO NOTHING RETURNING key_id";

  private final Pool pool;
  private final GroupedWrites<StoredKey, Boolean> inserts;

  CustodialKeyStore(Pool pool) {
    this.pool = pool;
    this.inserts = new GroupedWrites<>("custodial keys", MAX_GROUP, this::insertGroup);
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
    return inserts.write(key);
  }

  /**
   * Stores the keys of concurrent enrolments with one statement and one commit ({@link
   * GroupedWrites}): a key per enrolment is what custodial enrolments make most of.
   */
  private Uni<List<Boolean>> insertGroup(List<StoredKey> keys) {
    int n = keys.size();
    String[] participants = new String[n];
    String[] keyIds = new String[n];
    Buffer[] publicKeys = new Buffer[n];
    String[] masterKeyIds = new String[n];
    Buffer[] nonces = new Buffer[n];
    Buffer[] sealedSeeds = new Buffer[n];
    for (int i = 0; i < n; i++) {
      StoredKey key = keys.get(i);
      participants[i] = key.participant();
      keyIds[i] = key.keyId();
      publicKeys[i] = buffer(key.publicKey());
      masterKeyIds[i] = key.sealed().masterKeyId();
      nonces[i] = buffer(key.sealed().nonce());
      sealedSeeds[i] = buffer(key.sealed().ciphertext());
    }
    Tuple columns =
        Tuple.tuple()
            .addValue(participants)
            .addValue(keyIds)
            .addValue(publicKeys)
            .addValue(masterKeyIds)
            .addValue(nonces)
            .addValue(sealedSeeds);
    return pool.preparedQuery(INSERT_GROUP)
        .execute(columns)
        .map(
            rows -> {
              Set<String> stored = new HashSet<>();
              rows.forEach(row -> stored.add(row.getString(0)));
              List<Boolean> results = new ArrayList<>(n);
              keys.forEach(key -> results.add(stored.contains(key.keyId())));
              return results;
            });
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

  private static Buffer buffer(byte[] bytes) {
    return Buffer.buffer(bytes);
  }
}
