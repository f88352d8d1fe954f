package org.markproof.service.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;

/**
 * Writes pre-signed {@code trademark.recorded} entries, one JSON body per line, for the load
 * benchmark ({@code service/src/test/bench/run.sh}): the demo's EM registrar recording word marks
 * under fresh registration numbers, for the demo's holder, signed with the registrar's demo key.
 * Each line is a distinct, lawful submission for {@code POST /v1/entries}.
 *
 * <p>Arguments: the registrar's key file ({@code <data-dir>/demo/keys/participant-euipo.key}), the
 * number of entries, the output file, and a run tag that keeps numbers unique across runs.
 */
public final class PresignedTrademarks {
  private PresignedTrademarks() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: PresignedTrademarks KEY_FILE COUNT OUT_FILE RUN_TAG");
      System.exit(2);
    }
    Ed25519PrivateKey key =
        Ed25519PrivateKey.fromSeed(
            Base64.getDecoder().decode(Files.readString(Path.of(args[0])).strip()));
    int count = Integer.parseInt(args[1]);
    String tag = args[3];
    LocalDate today = LocalDate.now();
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        TrademarkRecorded statement =
            new TrademarkRecorded(
                "euipo",
                new TrademarkRef(OfficeCode.of("EM"), "B" + tag + i),
                new MarkRepresentation.WordMark("BENCH " + i),
                List.of(9),
                "acme",
                today.minusYears(2),
                today.minusYears(1),
                today.plusYears(9));
        out.write(new String(EntrySigner.sign(statement, key).encoded(), StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
  }
}
