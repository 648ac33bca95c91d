package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import java.time.LocalDate;

/**
 * Compute the composite factors of one date.
 *
 * @param daily the daily run's request ({@code AUTO}): a backstop of the recompute on landing, so a
 *     date already COMPLETE with its current inputs is left as it is
 */
public record DateRequest(
    LocalDate analysisDate, boolean backfillMode, boolean force, String runId, boolean daily)
    implements AnalysisRequest {
  public DateRequest {
    requireNonNull(analysisDate, "analysisDate");
    requireNonNull(runId, "runId");
  }

  /** A request someone made for this date: computed whatever the date's state. */
  public DateRequest(LocalDate analysisDate, boolean backfillMode, boolean force, String runId) {
    this(analysisDate, backfillMode, force, runId, false);
  }

  /** A reprocess of a past date: the synthetic fallback protects it; the coverage gate applies. */
  public static DateRequest backfill(LocalDate analysisDate, String runId) {
    return new DateRequest(analysisDate, true, false, runId);
  }

  /** The daily run's request: the upcoming context only, never the fallback. */
  public static DateRequest production(LocalDate analysisDate, String runId) {
    return new DateRequest(analysisDate, false, false, runId);
  }

  /** This request with the coverage gate skipped when {@code force}. */
  public DateRequest forced(boolean force) {
    return new DateRequest(analysisDate, backfillMode, force, runId, daily && !force);
  }

  /**
   * This request, when composite-factors would accept it on {@code today}: a date at most a day
   * ahead (tomorrow's games are computed the evening before).
   */
  public DateRequest checked(LocalDate today) {
    if (analysisDate.isAfter(today.plusDays(1))) {
      throw new InvalidMessageException(
          "analysis_date " + analysisDate + " is more than a day ahead of today (" + today + ")");
    }
    return this;
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("analysis_date", analysisDate.toString());
    json.addProperty("backfill_mode", backfillMode);
    json.addProperty("force", force);
    json.addProperty("run_id", runId);
    return json.toString();
  }
}
