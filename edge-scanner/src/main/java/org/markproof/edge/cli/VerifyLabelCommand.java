package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.LabelVerifier;
import org.markproof.contracts.label.ScannedCode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks a label's markproof/label/v1 signature against the label key of the batch it names, taken
 * from that batch's {@code batch.issued} log entry — which {@code log verify-proof} shows to be in
 * the log.
 */
@Command(
    name = "verify",
    description = {
      "Check a label's signature (GS1 AI 8030) with the label key of its batch, read from the",
      "batch.issued log entry (a leaf, as 'log verify-proof --entry' checks it is in the log)."
    },
    mixinStandardHelpOptions = true)
final class VerifyLabelCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--batch-entry",
      required = true,
      description = "The batch.issued log entry (leaf bytes)")
  Path batchEntry;

  @ArgGroup(multiplicity = "1")
  Label label;

  static final class Label {
    @Option(names = "--image", description = "PNG or JPEG photo of the label")
    Path image;

    @Option(names = "--text", description = "The scanned text (Digital Link URI or element string)")
    String text;
  }

  @Override
  public Integer call() throws IOException, MalformedDataException, VerificationException {
    LogEntry leaf = LogEntry.parse(InputFiles.read(batchEntry, LogEntry.MAX_LEAF_BYTES));
    if (!(leaf.entry().statement() instanceof BatchIssued batch)) {
      throw new MalformedDataException(
          batchEntry + ": a " + leaf.entry().statement().kind() + " entry, not batch.issued");
    }
    Gs1Fields fields = fields();
    if (!fields.gtin().equals(batch.gtin())
        || !fields.batch().map(batch.batch()::equals).orElse(false)) {
      throw new VerificationException(
          "the label names GTIN "
              + fields.gtin()
              + " batch "
              + fields.batch().orElse("(none)")
              + ", the entry issues GTIN "
              + batch.gtin()
              + " batch "
              + batch.batch());
    }
    LabelVerifier.verify(batch.labelKey(), fields);
    spec.commandLine()
        .getOut()
        .println(
            "label signature verified: GTIN "
                + fields.gtin()
                + " batch "
                + batch.batch()
                + " serial "
                + fields.serial().orElse("")
                + ", issued by "
                + batch.submitter()
                + " on "
                + batch.issueDate());
    return ExitCodes.VERIFIED;
  }

  private Gs1Fields fields() throws IOException, MalformedDataException {
    ScannedCode code =
        label.text != null
            ? ScannedCode.parse(label.text)
            : new ImageDecoder(BarcodeDecoder.withDefaultBudget())
                .decode(InputFiles.read(label.image, ImageDecoder.MAX_BYTES), System::nanoTime)
                .code();
    if (code instanceof ScannedCode.Malformed malformed) {
      throw new MalformedDataException("label: " + malformed.reason());
    }
    return code.fields().orElseThrow();
  }
}
