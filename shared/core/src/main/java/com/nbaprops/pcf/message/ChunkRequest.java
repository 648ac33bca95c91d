package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * Compute a chunk of game dates in backfill mode, as a range's fan-out sends them: one read of the
 * chunk's inputs, the same rules per date as a {@link DateRequest}, one write of every date.
 */
public record ChunkRequest(List<LocalDate> dates, boolean force, String runId)
    implements AnalysisRequest {
  /**
   * The most dates one chunk may hold: its dates travel in one attribute ({@link
   * Attributes#ANALYSIS_DATES}, 11 bytes a date), and Pub/Sub refuses an attribute value over 1,024
   * bytes.
   */
  public static final int MAX_DATES = 90;

  public ChunkRequest {
    requireNonNull(runId, "runId");
    dates = List.copyOf(dates);
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("a chunk has at least one date");
    }
  }

  /** The request of one of the chunk's dates alone. */
  public DateRequest alone(LocalDate date) {
    return DateRequest.backfill(date, runId).forced(force);
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    JsonArray array = new JsonArray();
    dates.forEach(date -> array.add(date.toString()));
    json.add("analysis_dates", array);
    json.addProperty("force", force);
    json.addProperty("run_id", runId);
    return json.toString();
  }
}
