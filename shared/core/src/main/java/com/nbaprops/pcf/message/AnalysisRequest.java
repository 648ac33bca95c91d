package com.nbaprops.pcf.message;

/**
 * A request on {@code composite-factors-requests}: one date, a range to fan out, or the data's full
 * range.
 */
public sealed interface AnalysisRequest
    permits DateRequest, RangeRequest, ChunkRequest, AllDatesRequest {
  String runId();

  boolean force();
}
