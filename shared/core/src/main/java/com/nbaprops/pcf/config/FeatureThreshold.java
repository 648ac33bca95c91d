package com.nbaprops.pcf.config;

import com.nbaprops.pcf.sql.Identifiers;
import java.util.List;

/**
 * The share of non-null values a player_game_summary column must reach on a date. A critical
 * feature under its threshold fails the date; a non-critical one is reported as a warning.
 */
public record FeatureThreshold(String column, double minPct, boolean critical) {
  public static final String DEFAULTS =
      "minutes_played:99:critical,points:99.5:critical,usage_rate:45";

  public FeatureThreshold {
    Identifiers.check(column);
    if (!(minPct >= 0 && minPct <= 100)) {
      throw new IllegalArgumentException(
          column + ": threshold must be a percentage, got " + minPct);
    }
  }

  /** Parses {@code column:pct[:critical],...}. */
  public static List<FeatureThreshold> parse(String text) {
    return ThresholdText.parse(text, FeatureThreshold::new);
  }
}
