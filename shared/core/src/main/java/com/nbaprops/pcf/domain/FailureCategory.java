package com.nbaprops.pcf.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Why something failed; each category names what a person should do. */
public enum FailureCategory {
  /** A message that can never be processed: fix it and publish it again. */
  INVALID_MESSAGE,
  /** A range stopped by the pre-flight check: clean up, or rerun with force. */
  PARTIAL_UPCOMING_CONTEXT,
  /** A date with too few players: reprocess it. */
  INCOMPLETE_COVERAGE,
  /** A date whose coverage could not be checked: check the warehouse, then reprocess. */
  VALIDATION_ERROR,
  /** A date with no player context at all: reprocess in backfill mode. */
  NO_INPUT,
  /** A date whose box scores lack a critical feature: fix the source data, then reprocess. */
  CRITICAL_FEATURE_SHORTFALL,
  /**
   * A scheduled game without its box scores: the box-score processors have not run yet (or failed).
   * Wait for them, or rerun them for the date; the sweep finishes the date when they land.
   */
  UPSTREAM_NOT_READY,
  /**
   * An input the factors read is missing or partial for the date (shot zones, zone defense, usage,
   * or rows computed without them): backfill that upstream table for the date, then heal it.
   */
  INPUT_MISSING,
  /**
   * A rerun that would have replaced a date's rows with fewer players or hollower rows, refused:
   * the stored rows were kept. Rerun with force to replace them anyway.
   */
  RERUN_REFUSED,
  /**
   * A date computed from inputs that have since been restated (a stat correction, an upstream rerun
   * with other values): its rows are stale. Heal it; resolved, with what the recompute changed,
   * once it is complete from the current inputs.
   */
  INPUT_RESTATED,
  /**
   * An input of a scheduled game had not landed (or landed partial) by its due time plus the grace
   * ({@code INPUT_DUE}): rerun that upstream processor for the date. Resolved when it lands.
   */
  UPSTREAM_LATE,
  /**
   * Not a fault: an upstream table was written and the date, computable and not complete with its
   * current inputs, was requested at once; resolved with the date.
   */
  RECOMPUTE_REQUESTED,
  /**
   * Not a fault: the daily sweep asked for the date to be reprocessed (AUTO_HEAL), at most once a
   * day; resolved with the date.
   */
  AUTO_HEAL_REQUESTED;

  /** The categories about a date's data, resolved once the date is complete. */
  public static final Set<FailureCategory> DATE_DATA =
      EnumSet.of(
          PARTIAL_UPCOMING_CONTEXT,
          INCOMPLETE_COVERAGE,
          VALIDATION_ERROR,
          NO_INPUT,
          CRITICAL_FEATURE_SHORTFALL,
          UPSTREAM_NOT_READY,
          INPUT_MISSING,
          INPUT_RESTATED,
          UPSTREAM_LATE,
          RECOMPUTE_REQUESTED,
          AUTO_HEAL_REQUESTED);

  /**
   * {@code categories} as a SQL list of string literals; safe to inline, the names are this enum's.
   */
  public static String sqlList(Set<FailureCategory> categories) {
    return categories.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
  }
}
