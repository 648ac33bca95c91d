package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

/**
 * Compute the data's full range ({@code {"all": true}}): the first to the last game date of the box
 * scores, as range requests of at most {@code MAX_RANGE_DAYS} days, each with its pre-flight.
 */
public record AllDatesRequest(boolean force, String runId) implements AnalysisRequest {
  public AllDatesRequest {
    requireNonNull(runId, "runId");
  }
}
