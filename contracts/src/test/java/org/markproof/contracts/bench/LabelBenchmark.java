package org.markproof.contracts.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.BenchmarkFrames;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.barcode.LuminanceFrame;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelMessage;
import org.markproof.contracts.label.LabelSignatureException;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.label.LabelVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Label verification (parse the scanned Digital Link, rebuild the v1 message, verify Ed25519)
 * against BouncyCastle's bare Ed25519 verify of a message of the same length; and the decoding of
 * photo-like 1280×720 QR frames, sampled for percentiles.
 *
 * <p>{@code mvn -B -q -pl contracts -Pbench test-compile exec:exec -Djmh.args="LabelBenchmark -f 1
 * -wi 2 -i 3 -w 1s -r 1s"}
 */
@State(Scope.Thread)
public class LabelBenchmark {
  private String uri;
  private Ed25519PublicKey labelKey;
  private byte[] publicKeyBytes;
  private Ed25519.PublicPoint publicPoint;
  private byte[] message;
  private byte[] signature;
  private final List<LuminanceFrame> frames = new ArrayList<>();
  private final List<byte[]> jpegs = new ArrayList<>();
  private final BarcodeDecoder decoder = BarcodeDecoder.withDefaultBudget();
  private final ImageDecoder imageDecoder = new ImageDecoder(decoder);
  private int next;

  @Setup
  public void setUp() throws Exception {
    Ed25519PrivateKey key =
        Ed25519PrivateKey.fromSeed(
            HexFormat.of()
                .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    labelKey = key.publicKey();
    DigitalLink link =
        LabelSigner.forResolver("https://id.example.com")
            .sign(key, Gtin.parse("09521234543213"), "LOT-2026-07", "SN000123");
    uri = link.toUri();
    message = LabelMessage.v1(link.fields());
    signature =
        java.util.Base64.getUrlDecoder()
            .decode(link.signature().orElseThrow().getBytes(StandardCharsets.US_ASCII));
    publicKeyBytes = labelKey.bytes();
    publicPoint = Ed25519.validatePublicKeyFullExport(publicKeyBytes, 0);
    for (byte[] jpeg : BenchmarkFrames.qrFrames(32)) {
      jpegs.add(jpeg);
      frames.add(ImageDecoder.readFrame(jpeg));
    }
  }

  /** What a scanner does per label once it has the batch's key: parse, rebuild, verify. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void labelParseAndVerify() throws MalformedDataException, LabelSignatureException {
    LabelVerifier.verify(labelKey, DigitalLink.parse(uri));
  }

  /** The parsing and message rebuilding alone, to see what the label format adds. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] labelParseAndMessageOnly() throws MalformedDataException {
    return LabelMessage.v1(DigitalLink.parse(uri).fields());
  }

  /** BouncyCastle alone, the key's point already decoded (as {@code Ed25519PublicKey} keeps it). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean rawBouncyCastleVerify() {
    return Ed25519.verify(signature, 0, publicPoint, message, 0, message.length);
  }

  /** BouncyCastle alone from the key's 32 bytes, decompressing the point each time. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean rawBouncyCastleVerifyFromKeyBytes() {
    return Ed25519.verify(signature, 0, publicKeyBytes, 0, message, 0, message.length);
  }

  /** One photo-like 1280×720 QR frame after another, from luminance (no image file decoding). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void decodeQrFrame(Blackhole blackhole) {
    LuminanceFrame frame = frames.get(next++ % frames.size());
    try {
      blackhole.consume(decoder.decode(frame, System::nanoTime));
    } catch (MalformedDataException e) {
      blackhole.consume(e);
    }
  }

  /** As {@link #decodeQrFrame}, from the JPEG bytes through ImageIO. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void decodeQrJpeg(Blackhole blackhole) {
    byte[] jpeg = jpegs.get(next++ % jpegs.size());
    try {
      blackhole.consume(imageDecoder.decode(jpeg, System::nanoTime));
    } catch (MalformedDataException e) {
      blackhole.consume(e);
    }
  }
}
