package com.nbaprops.pcf.message;

import java.time.LocalDate;
import java.util.Map;

/**
 * Message attributes every publish carries, so a run can be followed (and filtered) without
 * decoding bodies.
 */
public final class Attributes {
  public static final String RUN_ID = "run_id";
  public static final String ANALYSIS_DATE = "analysis_date";

  private Attributes() {}

  public static Map<String, String> of(String runId, LocalDate analysisDate) {
    return analysisDate == null
        ? Map.of(RUN_ID, runId)
        : Map.of(RUN_ID, runId, ANALYSIS_DATE, analysisDate.toString());
  }
}
