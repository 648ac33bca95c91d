package com.nbaprops.pcf.rules;

import com.nbaprops.pcf.domain.Coverage;

/** The stored status of a date: every player, most players, or too few. */
public enum CoverageStatus {
  COMPLETE,
  LOW,
  INCOMPLETE,
  /**
   * Computed from inputs that have since been restated: the rows no longer match what the inputs
   * say. As wrong as INCOMPLETE until recomputed.
   */
  STALE,
  /** A bootstrap day: deliberately not computed. */
  SKIPPED,
  /** No game scheduled: nothing to compute. */
  OFF_DAY;

  /**
   * COMPLETE at 100% or more (or nothing expected), LOW from {@code lowPct} to under 100%, else
   * INCOMPLETE.
   */
  /** Whether the date needs work before it can be served: INCOMPLETE or STALE. */
  public boolean needsWork() {
    return this == INCOMPLETE || this == STALE;
  }

  /** {@link #needsWork()} of a status as the metadata table holds it (null or unknown: no). */
  public static boolean needsWork(String status) {
    return INCOMPLETE.name().equals(status) || STALE.name().equals(status);
  }

  public static CoverageStatus of(long actual, long expected, double lowPct) {
    if (expected == 0 || !Coverage.below(actual, expected, 100.0)) {
      return COMPLETE;
    }
    return Coverage.below(actual, expected, lowPct) ? INCOMPLETE : LOW;
  }
}
