package org.markproof.service.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.IntStream;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.label.LabelSigner;

/**
 * Writes the scan load for the {@link BigLedgerPlan} ledger: one line per scan, {@code
 * kind<TAB>lat<TAB>lon<TAB>code}, in a seeded random order, for {@code post-scans-big.lua} and
 * {@link FixedRateScans}. Of each 100 lines: 80 genuine labels of random batches and serials (the
 * revoked ones left out), 4 of revoked batches, 4 of revoked serials, 4 forged (a real batch and
 * serial signed by a key the ledger does not know), 4 drawn from 25 labels scanned over and over at
 * the post (clones by count, past the 10th sighting in 24 h), and 4 drawn from 2,000 labels each
 * scanned where the device reports Frankfurt or Sydney (clones by distance once a label has been
 * seen at both: 16,000 km in seconds).
 *
 * <p>Usage: {@code BigScanPayloads BATCHES SEED LINES OUT_FILE}.
 */
public final class BigScanPayloads {
  private static final String FRANKFURT = "50.0379\t8.5622";
  private static final String SYDNEY = "-33.9399\t151.1753";
  private static final int REPEATED_LABELS = 25;
  private static final int DISTANT_LABELS = 2000;

  private BigScanPayloads() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: BigScanPayloads BATCHES SEED LINES OUT_FILE");
      System.exit(2);
    }
    BigLedgerPlan plan = new BigLedgerPlan(args[1], Integer.parseInt(args[0]));
    int lines = Integer.parseInt(args[2]);
    LabelSigner signer = LabelSigner.forResolver(BigLedgerPlan.RESOLVER);
    Ed25519PrivateKey counterfeiter = Ed25519PrivateKey.generate(new SecureRandom());
    String[] out =
        IntStream.range(0, lines)
            .parallel()
            .mapToObj(i -> line(plan, signer, counterfeiter, i))
            .toArray(String[]::new);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
      for (String line : out) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  /** Line {@code i}: its kind comes from {@code i % 100}, its item from a generator seeded by i. */
  private static String line(
      BigLedgerPlan plan, LabelSigner signer, Ed25519PrivateKey counterfeiter, int i) {
    Random random = new Random(i * 0x9E3779B97F4A7C15L);
    int slot = Math.floorMod(Long.hashCode(i * 0xC2B2AE3D27D4EB4FL), 100);
    try {
      if (slot < 80) {
        int n = genuineBatch(plan, random);
        return "genuine\t" + FRANKFURT + "\t" + label(plan, signer, n, random.nextInt(10));
      } else if (slot < 84) {
        int n = BigLedgerPlan.EVERY * random.nextInt(plan.batches() / BigLedgerPlan.EVERY) + 500;
        return "revoked-batch\t" + FRANKFURT + "\t" + label(plan, signer, n, random.nextInt(10));
      } else if (slot < 88) {
        int n = BigLedgerPlan.EVERY * random.nextInt(plan.batches() / BigLedgerPlan.EVERY) + 250;
        return "revoked-serial\t" + FRANKFURT + "\t" + label(plan, signer, n, random.nextInt(5));
      } else if (slot < 92) {
        int n = genuineBatch(plan, random);
        return "forged\t"
            + FRANKFURT
            + "\t"
            + signer
                .sign(
                    counterfeiter,
                    BigLedgerPlan.GTIN,
                    BigLedgerPlan.batch(n),
                    BigLedgerPlan.serial(random.nextInt(10)))
                .toUri();
      } else if (slot < 96) {
        int k = random.nextInt(REPEATED_LABELS);
        return "clone-repeated\t" + FRANKFURT + "\t" + label(plan, signer, 1 + 2 * k, k % 10);
      } else {
        // One of DISTANT_LABELS labels, scanned where the device reports Frankfurt or Sydney under
        // the same post id (the request carries the device's position).
        int k = random.nextInt(DISTANT_LABELS);
        int n = genuineBatch(plan, new Random(-1 - k));
        String where = random.nextBoolean() ? FRANKFURT : SYDNEY;
        return "clone-distant\t" + where + "\t" + label(plan, signer, n, k % 10);
      }
    } catch (MalformedDataException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int genuineBatch(BigLedgerPlan plan, Random random) {
    while (true) {
      int n = random.nextInt(plan.batches());
      if (n % BigLedgerPlan.EVERY != 250 && n % BigLedgerPlan.EVERY != 500) {
        return n;
      }
    }
  }

  private static String label(BigLedgerPlan plan, LabelSigner signer, int n, int s)
      throws MalformedDataException {
    return signer
        .sign(plan.labelKey(n), BigLedgerPlan.GTIN, BigLedgerPlan.batch(n), BigLedgerPlan.serial(s))
        .toUri();
  }
}
