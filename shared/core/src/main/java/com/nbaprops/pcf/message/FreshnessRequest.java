package com.nbaprops.pcf.message;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A freshness check on {@code metadata-tracking-trigger}: {@code {"freshness":true}}, optionally
 * with {@code days} (the game dates looked back on, today included; 3 unless given) and a {@code
 * run_id}. Cloud Scheduler sends it after each input's due time plus the grace.
 */
public record FreshnessRequest(int days, String runId) {
  public static final int DEFAULT_DAYS = 3;
  public static final int MAX_DAYS = 7;

  private static final Set<String> FIELDS = Set.of("freshness", "days", "run_id");

  /** Whether {@code fields} ask for a freshness check. */
  public static boolean isMeant(JsonFields fields) {
    return fields.has("freshness");
  }

  public static FreshnessRequest from(JsonFields fields, Supplier<String> runIds) {
    fields.allowOnly(FIELDS);
    if (!fields.optionalBoolean("freshness", false)) {
      throw new InvalidMessageException("freshness must be true to ask for a freshness check");
    }
    int days = fields.optionalInt("days").orElse(DEFAULT_DAYS);
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidMessageException("days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    return new FreshnessRequest(days, fields.optionalRunId().orElseGet(runIds));
  }
}
