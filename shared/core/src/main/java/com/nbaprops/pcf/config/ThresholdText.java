package com.nbaprops.pcf.config;

import java.util.ArrayList;
import java.util.List;

/** The one syntax of the threshold lists: {@code name:percent[:critical],...}. */
final class ThresholdText {
  /** Makes one threshold from its parts; throws IllegalArgumentException for a bad name. */
  interface Factory<T> {
    T make(String name, double minPct, boolean critical);
  }

  private ThresholdText() {}

  static <T> List<T> parse(String text, Factory<T> factory) {
    List<T> thresholds = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String[] parts = item.trim().split(":", -1);
      if (parts.length < 2
          || parts.length > 3
          || (parts.length == 3 && !parts[2].equals("critical"))) {
        throw new IllegalArgumentException(
            "'" + item.trim() + "' is not name:percent or name:percent:critical");
      }
      double pct = Double.parseDouble(parts[1]);
      if (!(pct >= 0 && pct <= 100)) {
        throw new IllegalArgumentException(
            parts[0] + ": threshold must be a percentage, got " + parts[1]);
      }
      thresholds.add(factory.make(parts[0], pct, parts.length == 3));
    }
    return List.copyOf(thresholds);
  }
}
