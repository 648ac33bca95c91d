package com.nbaprops.pcf.rules;

import com.nbaprops.pcf.domain.Coverage;

/** The stored status of a date: every player, most players, or too few. */
public enum CoverageStatus {
  COMPLETE,
  LOW,
  INCOMPLETE,
  /** A bootstrap day: deliberately not computed. */
  SKIPPED,
  /** No game scheduled: nothing to compute. */
  OFF_DAY;

  /**
   * COMPLETE at 100% or more (or nothing expected), LOW from {@code lowPct} to under 100%, else
   * INCOMPLETE.
   */
  public static CoverageStatus of(long actual, long expected, double lowPct) {
    if (expected == 0 || !Coverage.below(actual, expected, 100.0)) {
      return COMPLETE;
    }
    return Coverage.below(actual, expected, lowPct) ? INCOMPLETE : LOW;
  }
}
