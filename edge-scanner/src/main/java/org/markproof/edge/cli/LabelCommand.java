package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.DecodedBarcode;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.barcode.PngRenderer;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.barcode.SvgRenderer;
import org.markproof.contracts.barcode.SymbolMatrix;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.Gs1Fields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reading and printing the codes on goods: GS1 Digital Link QR codes, GS1 DataMatrix, EAN. */
@Command(
    name = "label",
    description = "Decode and encode the codes printed on goods.",
    mixinStandardHelpOptions = true,
    subcommands = {LabelCommand.Decode.class, LabelCommand.Encode.class, VerifyLabelCommand.class})
final class LabelCommand {

  @Command(
      name = "decode",
      description = {
        "Find a QR, DataMatrix, EAN-13/UPC-A/EAN-8 or GS1-128 code in a PNG or JPEG photo and",
        "print JSON: symbology, raw text and the parsed GS1 fields. Exit 2 if no code is found."
      },
      mixinStandardHelpOptions = true)
  static final class Decode implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "PNG or JPEG file ('-' for stdin)")
    Path image;

    @Override
    public Integer call() throws IOException, MalformedDataException {
      byte[] bytes = InputFiles.read(image, ImageDecoder.MAX_BYTES);
      // The decoder spends at most its time budget; the real clock belongs here, not in contracts.
      DecodedBarcode decoded =
          new ImageDecoder(BarcodeDecoder.withDefaultBudget()).decode(bytes, System::nanoTime);
      spec.commandLine().getOut().println(DecodedBarcodeJson.of(decoded));
      return ExitCodes.VERIFIED;
    }
  }

  @Command(
      name = "encode",
      description = {
        "Write PAYLOAD as a QR Code or Data Matrix to a PNG or SVG file (by its extension).",
        "A Data Matrix payload written as a GS1 element string, e.g.",
        "'(01)09506000134352(10)LOT7(21)SN1', becomes a GS1 DataMatrix (FNC1 first);",
        "any other payload, a GS1 Digital Link URI included, is encoded as given."
      },
      mixinStandardHelpOptions = true)
  static final class Encode implements Callable<Integer> {
    enum Format {
      qr,
      datamatrix
    }

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", required = true, description = "qr or datamatrix")
    Format format;

    @Option(names = "--out", required = true, description = "Output FILE.png or FILE.svg")
    Path out;

    @Option(
        names = "--module-pixels",
        defaultValue = "8",
        description = "Pixels per module, 1 to 32 (default ${DEFAULT-VALUE})")
    int modulePixels;

    @Parameters(paramLabel = "PAYLOAD", description = "The text to encode")
    String payload;

    @Override
    public Integer call() throws IOException, MalformedDataException {
      String name = out.getFileName() == null ? "" : out.getFileName().toString();
      boolean svg = name.endsWith(".svg");
      if (!svg && !name.endsWith(".png")) {
        throw new MalformedDataException("--out: " + out + " must end in .png or .svg");
      }
      SymbolMatrix symbol = symbol();
      byte[] bytes =
          svg
              ? SvgRenderer.render(symbol, modulePixels).getBytes(StandardCharsets.UTF_8)
              : PngRenderer.render(symbol, modulePixels);
      Files.write(out, bytes);
      spec.commandLine().getOut().println("wrote " + out + " (" + bytes.length + " bytes)");
      return ExitCodes.VERIFIED;
    }

    private SymbolMatrix symbol() throws MalformedDataException {
      if (format == Format.qr) {
        return BarcodeEncoder.qrCode(payload, QrErrorCorrection.M);
      }
      if (payload.startsWith("(")) {
        Gs1Fields fields = ElementString.parseHumanReadable(payload);
        return BarcodeEncoder.gs1DataMatrix(fields);
      }
      return BarcodeEncoder.dataMatrix(payload);
    }
  }
}
