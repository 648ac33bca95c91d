package com.nbaprops.pcf.message;

/** A request on {@code composite-factors-requests}: one date, or a range to fan out. */
public sealed interface AnalysisRequest permits DateRequest, RangeRequest {
  String runId();

  boolean force();
}
