package com.nbaprops.pcf.message;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Message attributes every publish carries, so a run can be followed (and filtered) without
 * decoding bodies.
 */
public final class Attributes {
  public static final String RUN_ID = "run_id";
  public static final String ANALYSIS_DATE = "analysis_date";

  /** A chunk's dates, separated by spaces (a message about many dates carries no single one). */
  public static final String ANALYSIS_DATES = "analysis_dates";

  private Attributes() {}

  /** The attributes of a message about the dates of a chunk. */
  public static Map<String, String> ofChunk(String runId, List<LocalDate> dates) {
    return Map.of(
        RUN_ID,
        runId,
        ANALYSIS_DATES,
        dates.stream().map(LocalDate::toString).collect(Collectors.joining(" ")));
  }

  /** The dates a message with these attributes is about: its one date, a chunk's, or none. */
  public static List<LocalDate> dates(Map<String, String> attributes) {
    String one = attributes.get(ANALYSIS_DATE);
    if (one != null) {
      return List.of(LocalDate.parse(one));
    }
    String many = attributes.get(ANALYSIS_DATES);
    return many == null || many.isBlank()
        ? List.of()
        : Arrays.stream(many.split(" ")).map(LocalDate::parse).toList();
  }

  public static Map<String, String> of(String runId, LocalDate analysisDate) {
    return analysisDate == null
        ? Map.of(RUN_ID, runId)
        : Map.of(RUN_ID, runId, ANALYSIS_DATE, analysisDate.toString());
  }

  /**
   * The run of a message that names none: derived from its id, so every redelivery of the message
   * is the same run (the same backups, audit row and failure rows).
   */
  public static String runIdOf(String messageId) {
    String safe = String.valueOf(messageId).replaceAll("[^A-Za-z0-9._:-]", "-");
    String runId = "run-" + safe;
    return runId.length() <= 128 ? runId : runId.substring(0, 128);
  }
}
