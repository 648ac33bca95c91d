package com.nbaprops.pcf.rules;

import com.nbaprops.pcf.domain.Coverage;

/**
 * The coverage gate: players written against players who played. Nothing expected (an off day)
 * passes; under the fail line fails; between the fail and warn lines warns but passes. An error
 * while checking is never a pass.
 */
public record CoverageGate(double failPct, double warnPct) {

  /** A validation verdict. */
  public enum Verdict {
    PASS,
    WARN,
    FAIL,
    SKIPPED,
    ERROR;

    /** Whether the date may count as done. ERROR never does. */
    public boolean passes() {
      return this == PASS || this == WARN || this == SKIPPED;
    }
  }

  public Verdict verdict(long actual, long expected) {
    if (expected == 0) {
      return Verdict.PASS;
    }
    if (Coverage.below(actual, expected, failPct)) {
      return Verdict.FAIL;
    }
    if (Coverage.below(actual, expected, warnPct)) {
      return Verdict.WARN;
    }
    return Verdict.PASS;
  }
}
