package org.markproof.service.custody;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code custodial_label_key} table (V7__custodial_label_keys.sql) over the reactive PostgreSQL
 * client: sealed label-key seeds in, sealed seeds out. It never sees a master key or a clear seed.
 */
@ApplicationScoped
public class LabelKeyStore {
  private static final String COLUMNS =
      "gtin, batch, issuer, key_id, public_key, master_key_id, nonce, sealed_seed";

  private final Pool pool;

  LabelKeyStore(Pool pool) {
    this.pool = pool;
  }

  /** The key held for batch {@code batch} of {@code gtin} issued by {@code issuer}, if any. */
  public Uni<Optional<StoredLabelKey>> find(String issuer, String gtin, String batch) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM custodial_label_key WHERE gtin = $1 AND batch = $2 AND issuer = $3")
        .execute(Tuple.of(gtin, batch, issuer))
        .map(
            rows -> {
              var iterator = rows.iterator();
              return iterator.hasNext() ? Optional.of(key(iterator.next())) : Optional.empty();
            });
  }

  /**
   * Stores {@code key} unless a key is already held for its batch and issuer.
   *
   * @return whether this call stored it
   */
  public Uni<Boolean> insertIfAbsent(StoredLabelKey key) {
    SealedSeed s = key.sealed();
    return pool.preparedQuery(
            "INSERT INTO custodial_label_key ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                + " ON CONFLICT (gtin, batch, issuer) DO NOTHING")
        .execute(
            Tuple.from(
                List.of(
                    key.gtin(),
                    key.batch(),
                    key.issuer(),
                    key.keyId(),
                    buffer(key.publicKey()),
                    s.masterKeyId(),
                    buffer(s.nonce()),
                    buffer(s.ciphertext()))))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Up to {@code limit} keys not sealed under {@code masterKeyId}, in key order after {@code after}
   * (null: from the start): one page of a rotation.
   */
  public Uni<List<StoredLabelKey>> notSealedUnder(
      String masterKeyId, StoredLabelKey after, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM custodial_label_key WHERE master_key_id <> $1"
                + " AND (gtin, batch, issuer) > ($2, $3, $4)"
                + " ORDER BY gtin, batch, issuer LIMIT $5")
        .execute(
            Tuple.of(
                masterKeyId,
                after == null ? "" : after.gtin(),
                after == null ? "" : after.batch(),
                after == null ? "" : after.issuer(),
                limit))
        .map(
            rows -> {
              List<StoredLabelKey> keys = new ArrayList<>();
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
  public Uni<Boolean> reseal(StoredLabelKey key, SealedSeed resealed) {
    return pool.preparedQuery(
            "UPDATE custodial_label_key SET master_key_id = $1, nonce = $2, sealed_seed = $3,"
                + " resealed_at = now() WHERE gtin = $4 AND batch = $5 AND issuer = $6"
                + " AND key_id = $7 AND master_key_id = $8 AND nonce = $9")
        .execute(
            Tuple.from(
                List.of(
                    resealed.masterKeyId(),
                    buffer(resealed.nonce()),
                    buffer(resealed.ciphertext()),
                    key.gtin(),
                    key.batch(),
                    key.issuer(),
                    key.keyId(),
                    key.sealed().masterKeyId(),
                    buffer(key.sealed().nonce()))))
        .map(rows -> rows.rowCount() == 1);
  }

  private static StoredLabelKey key(Row row) {
    return new StoredLabelKey(
        row.getString("issuer"),
        row.getString("gtin"),
        row.getString("batch"),
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
