package org.markproof.service.labels;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.problem.ProblemCode;

/**
 * What a labels request answers with, and at most how many labels one request makes in it: each
 * bound keeps one answer to a few megabytes and seconds (a PDF draws every module; a ZIP renders an
 * image per label).
 */
public enum LabelFormat {
  /** A header row, then gtin, batch, serial and Digital Link URI per label (RFC 4180). */
  CSV("csv", "text/csv", 10_000),
  /** A ZIP of one QR Code PNG per label, with the CSV as {@code labels.csv}. */
  PNG("png", "application/zip", 2_000),
  /** A ZIP of one QR Code SVG per label, with the CSV as {@code labels.csv}. */
  SVG("svg", "application/zip", 2_000),
  /** Printable A4 sheets, a grid of QR Codes with the GTIN, batch and serial under each. */
  PDF("pdf", "application/pdf", 1_000);

  /** The most labels any one request makes. */
  public static final int MAX_LABELS = 10_000;

  private final String wireName;
  private final MediaType mediaType;
  private final int maxLabels;

  LabelFormat(String wireName, String mediaType, int maxLabels) {
    this.wireName = wireName;
    this.mediaType = MediaType.valueOf(mediaType);
    this.maxLabels = maxLabels;
  }

  /** The body's {@code format} value. */
  public String wireName() {
    return wireName;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public int maxLabels() {
    return maxLabels;
  }

  /** The format named {@code name} in a body, if any. */
  static Optional<LabelFormat> byWireName(String name) {
    for (LabelFormat format : values()) {
      if (format.wireName.equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /**
   * The format to answer in: the body's {@code format} if it names one (the Accept header must then
   * allow its media type), else the first of the Accept header's types (in preference order) that a
   * format has: {@code text/csv}, {@code application/zip} (PNG codes), {@code application/pdf}; CSV
   * for {@code *}{@code /*} or no Accept header.
   *
   * @param acceptable the Accept header's types by preference, {@code *}{@code /*} when absent
   * @throws LabelProblem 406 if the Accept header allows none of them
   */
  static LabelFormat choose(Optional<LabelFormat> asked, List<MediaType> acceptable) {
    if (asked.isPresent()) {
      for (MediaType type : acceptable) {
        if (type.isCompatible(asked.get().mediaType)) {
          return asked.get();
        }
      }
      throw notAcceptable(
          "the body asks for format "
              + asked.get().wireName
              + " ("
              + asked.get().mediaType
              + "), which the Accept header does not allow");
    }
    for (MediaType type : acceptable) {
      for (LabelFormat format : List.of(CSV, PNG, PDF)) {
        if (type.isCompatible(format.mediaType)) {
          return format;
        }
      }
    }
    throw notAcceptable("labels are text/csv, application/zip or application/pdf");
  }

  private static LabelProblem notAcceptable(String detail) {
    return new LabelProblem(
        ProblemCode.NOT_ACCEPTABLE,
        detail,
        List.of(),
        "send Accept: text/csv, application/zip or application/pdf, or leave it out and name the"
            + " format in the body: \"format\": \"csv\" | \"png\" | \"svg\" | \"pdf\"");
  }
}
