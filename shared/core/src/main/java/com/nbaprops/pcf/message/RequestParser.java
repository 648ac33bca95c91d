package com.nbaprops.pcf.message;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a {@code composite-factors-requests} message. {@code analysis_date} may be {@code AUTO}
 * (yesterday) or {@code TODAY}, both in the league's time zone; ranges must be ordered, not end in
 * the future, and span at most {@code maxRangeDays}.
 */
public record RequestParser(LocalDate today, int maxRangeDays, Supplier<String> newRunId) {
  private static final Set<String> FIELDS =
      Set.of(
          "analysis_date",
          "analysis_dates",
          "start_date",
          "end_date",
          "all",
          "backfill_mode",
          "force",
          "run_id");

  public AnalysisRequest parse(String json) {
    JsonFields fields = JsonFields.parse(json).allowOnly(FIELDS);
    boolean force = fields.optionalBoolean("force", false);
    String runId = fields.optionalRunId().orElseGet(newRunId);
    if (fields.has("all")) {
      if (!fields.optionalBoolean("all", false)) {
        throw new InvalidMessageException(
            "'all' can only be true: leave it out for one date or a range");
      }
      requireAlone(fields, "'all'", "range");
      return new AllDatesRequest(force, runId);
    }
    if (fields.has("analysis_dates")) {
      requireAlone(fields, "analysis_dates", "chunk");
      return new ChunkRequest(chunk(fields.requireDates("analysis_dates")), force, runId);
    }
    boolean single = fields.has("analysis_date");
    boolean range = fields.has("start_date") || fields.has("end_date");
    if (single && range) {
      throw new InvalidMessageException(
          "give either analysis_date or start_date/end_date, not both");
    }
    if (range) {
      refuseBackfillMode(fields, "range");
      return new RangeRequest(
          RangeRequest.span(
              fields.requireDate("start_date"),
              fields.requireDate("end_date"),
              today,
              maxRangeDays),
          force,
          runId);
    }
    if (!single) {
      throw new InvalidMessageException(
          "missing required field 'analysis_date' (or 'start_date' and 'end_date')");
    }
    String date = fields.requireString("analysis_date");
    return new DateRequest(
            analysisDate(date),
            fields.optionalBoolean("backfill_mode", false),
            force,
            runId,
            date.equals("AUTO") && !force)
        .checked(today);
  }

  /**
   * Refuses {@code key} beside one date or a range, and beside backfill_mode.
   *
   * @param kind what {@code key} asks for: "range" or "chunk"
   */
  private static void requireAlone(JsonFields fields, String key, String kind) {
    if (fields.has("analysis_date") || fields.has("start_date") || fields.has("end_date")) {
      throw new InvalidMessageException(
          "give " + key + " alone, without analysis_date or start_date/end_date");
    }
    refuseBackfillMode(fields, kind);
  }

  /** A range or a chunk always runs as a backfill: backfill_mode is a mistake there. */
  private static void refuseBackfillMode(JsonFields fields, String kind) {
    if (fields.has("backfill_mode")) {
      throw new InvalidMessageException(
          "backfill_mode does not apply to a " + kind + ": " + kind + "s always run as backfills");
    }
  }

  private LocalDate analysisDate(String text) {
    return switch (text) {
      case "AUTO" -> today.minusDays(1);
      case "TODAY" -> today;
      default -> JsonFields.date("analysis_date", text);
    };
  }

  private List<LocalDate> chunk(List<LocalDate> dates) {
    if (dates.isEmpty() || dates.size() > ChunkRequest.MAX_DATES) {
      throw new InvalidMessageException(
          "analysis_dates holds "
              + dates.size()
              + " dates; a chunk has 1 to "
              + ChunkRequest.MAX_DATES);
    }
    for (int i = 1; i < dates.size(); i++) {
      if (!dates.get(i).isAfter(dates.get(i - 1))) {
        throw new InvalidMessageException(
            "analysis_dates must be in increasing order without repeats: "
                + dates.get(i)
                + " follows "
                + dates.get(i - 1));
      }
    }
    LocalDate last = dates.get(dates.size() - 1);
    if (last.isAfter(today)) {
      throw new InvalidMessageException(
          "analysis_dates holds " + last + ", in the future (today is " + today + ")");
    }
    RangeRequest.span(dates.get(0), last, today, maxRangeDays);
    return dates;
  }
}
