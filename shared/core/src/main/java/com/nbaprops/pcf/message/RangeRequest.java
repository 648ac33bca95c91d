package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.domain.DateRange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Compute every game date of a range: pre-flight, then one {@link DateRequest} per game date. */
public record RangeRequest(DateRange range, boolean force, String runId)
    implements AnalysisRequest {
  public RangeRequest {
    requireNonNull(range, "range");
    requireNonNull(runId, "runId");
  }

  /**
   * The range from {@code start} to {@code end} as composite-factors accepts it: in order, not in
   * the future, at most {@code maxRangeDays} long; an {@link InvalidMessageException} saying why
   * not.
   */
  public static DateRange span(LocalDate start, LocalDate end, LocalDate today, int maxRangeDays) {
    if (start.isAfter(end)) {
      throw new InvalidMessageException("start_date " + start + " is after end_date " + end);
    }
    if (end.isAfter(today)) {
      throw new InvalidMessageException(
          "end_date " + end + " is in the future (today is " + today + ")");
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days > maxRangeDays) {
      throw new InvalidMessageException(
          "the range spans "
              + days
              + " days; at most "
              + maxRangeDays
              + " are allowed in one request");
    }
    return new DateRange(start, end);
  }

  /** This request, when composite-factors would accept it on {@code today}. */
  public RangeRequest checked(LocalDate today, int maxRangeDays) {
    span(range.start(), range.end(), today, maxRangeDays);
    return this;
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("start_date", range.start().toString());
    json.addProperty("end_date", range.end().toString());
    json.addProperty("force", force);
    json.addProperty("run_id", runId);
    return json.toString();
  }
}
