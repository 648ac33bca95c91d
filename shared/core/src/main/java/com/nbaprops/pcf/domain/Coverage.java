package com.nbaprops.pcf.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages of players, computed one way everywhere. */
public final class Coverage {
  private Coverage() {}

  /** {@code actual / expected * 100}, 0 when {@code expected} is 0. */
  public static double percent(long actual, long expected) {
    return expected == 0 ? 0.0 : actual * 100.0 / expected;
  }

  /**
   * True when {@code actual} is strictly below {@code thresholdPct} percent of {@code expected},
   * exactly.
   */
  public static boolean below(long actual, long expected, double thresholdPct) {
    return BigDecimal.valueOf(actual)
            .multiply(BigDecimal.valueOf(100))
            .compareTo(BigDecimal.valueOf(expected).multiply(BigDecimal.valueOf(thresholdPct)))
        < 0;
  }

  public static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
