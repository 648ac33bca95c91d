package com.nbaprops.pcf.message;

import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A run of the upcoming-tables cleanup, from {@code upcoming-tables-cleanup-trigger}: the scheduler
 * sends {@code {"trigger":"scheduled"}}; an operator may add {@code ttl_days} and {@code dry_run}.
 *
 * @param ttlDays overrides the configured TTL when present
 */
public record CleanupRequest(String trigger, OptionalInt ttlDays, boolean dryRun, String runId) {
  /** A TTL longer than this is certainly a typo (days, not hours or a date). */
  public static final int MAX_TTL_DAYS = 3650;

  private static final Set<String> FIELDS = Set.of("trigger", "ttl_days", "dry_run", "run_id");

  public static CleanupRequest parse(String json, Supplier<String> runIds) {
    JsonFields fields = JsonFields.parse(json).allowOnly(FIELDS);
    OptionalInt ttl = OptionalInt.empty();
    if (fields.has("ttl_days")) {
      int days = fields.optionalInt("ttl_days").orElseThrow();
      if (days < 1 || days > MAX_TTL_DAYS) {
        throw new InvalidMessageException(
            "ttl_days must be between 1 and "
                + MAX_TTL_DAYS
                + ", got "
                + days
                + " (a TTL of 0 would delete the rows of today's games)");
      }
      ttl = OptionalInt.of(days);
    }
    return new CleanupRequest(
        fields.optionalString("trigger").orElse("manual"),
        ttl,
        fields.optionalBoolean("dry_run", false),
        fields.optionalRunId().orElseGet(runIds));
  }
}
