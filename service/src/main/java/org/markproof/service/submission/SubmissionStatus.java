package org.markproof.service.submission;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Where a submission stands: accepted and waiting, in the log, or refused when sequenced. */
public enum SubmissionStatus {
  PENDING,
  SEQUENCED,
  REJECTED;

  /** Stores the status as the lower-case words the schema's CHECK lists. */
  @Converter
  public static class Column implements AttributeConverter<SubmissionStatus, String> {
    @Override
    public String convertToDatabaseColumn(SubmissionStatus status) {
      return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SubmissionStatus convertToEntityAttribute(String column) {
      return column == null ? null : SubmissionStatus.valueOf(column.toUpperCase(Locale.ROOT));
    }
  }
}
