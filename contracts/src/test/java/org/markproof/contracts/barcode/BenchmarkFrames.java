package org.markproof.contracts.barcode;

import java.util.ArrayList;
import java.util.List;

/** Photo-like QR frames of the robustness set, for {@code bench.LabelBenchmark}. */
public final class BenchmarkFrames {
  private BenchmarkFrames() {}

  /**
   * JPEG bytes of the first {@code count} QR Code frames of {@link RobustnessTest}'s set, failures
   * included, so that timings are those of the set as it is.
   */
  public static List<byte[]> qrFrames(int count) throws Exception {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; frames.size() < count; i++) {
      RobustnessTest.Sample sample = RobustnessTest.sample(i);
      if (sample.kind().equals("QR")) {
        frames.add(sample.frame().jpeg());
      }
    }
    return frames;
  }
}
