package com.nbaprops.pcf.message;

import com.nbaprops.pcf.domain.DateRange;
import java.time.LocalDate;
import java.util.Set;

/**
 * A metadata sweep on {@code metadata-tracking-trigger}: {@code {"days":7}} (the days up to
 * yesterday) or a {@code start_date}/{@code end_date} range; {@code flag_incomplete} records
 * failures for incomplete dates.
 */
public record SweepRequest(DateRange range, boolean flagIncomplete, String runId) {
  private static final Set<String> FIELDS =
      Set.of("days", "start_date", "end_date", "flag_incomplete", "run_id");

  public static SweepRequest parse(
      String json, LocalDate today, int maxDays, java.util.function.Supplier<String> runIds) {
    return from(JsonFields.parse(json), today, maxDays, runIds);
  }

  /** The sweep {@code fields} ask for (parsed once by whoever received them). */
  public static SweepRequest from(
      JsonFields fields, LocalDate today, int maxDays, java.util.function.Supplier<String> runIds) {
    fields.allowOnly(FIELDS);
    boolean flag = fields.optionalBoolean("flag_incomplete", false);
    String runId = fields.optionalRunId().orElseGet(runIds);
    if (fields.has("days")) {
      if (fields.has("start_date") || fields.has("end_date")) {
        throw new InvalidMessageException("give either days or start_date/end_date, not both");
      }
      int days = fields.optionalInt("days").orElseThrow();
      if (days < 1 || days > maxDays) {
        throw new InvalidMessageException(
            "days must be between 1 and " + maxDays + ", got " + days);
      }
      LocalDate end = today.minusDays(1);
      return new SweepRequest(new DateRange(end.minusDays(days - 1L), end), flag, runId);
    }
    LocalDate start = fields.requireDate("start_date");
    LocalDate end = fields.requireDate("end_date");
    if (start.isAfter(end)) {
      throw new InvalidMessageException("start_date " + start + " is after end_date " + end);
    }
    DateRange range = new DateRange(start, end);
    if (range.days() > maxDays) {
      throw new InvalidMessageException(
          "the range spans " + range.days() + " days; at most " + maxDays + " are allowed");
    }
    return new SweepRequest(range, flag, runId);
  }
}
