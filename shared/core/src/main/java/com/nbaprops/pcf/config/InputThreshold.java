package com.nbaprops.pcf.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The share of what should exist that an input must reach on a date ({@code INPUT_THRESHOLDS}). A
 * critical input under its threshold keeps the date from COMPLETE; a non-critical one is reported.
 */
public record InputThreshold(DateInput input, double minPct, boolean critical) {

  /** Parses {@code input:pct[:critical],...}; an input not listed takes its default. */
  public static Map<DateInput, InputThreshold> parse(String text) {
    Map<DateInput, InputThreshold> thresholds = new EnumMap<>(DateInput.class);
    for (InputThreshold threshold : list(DateInput.DEFAULTS)) {
      thresholds.put(threshold.input(), threshold);
    }
    for (InputThreshold threshold : list(text)) {
      thresholds.put(threshold.input(), threshold);
    }
    return Map.copyOf(thresholds);
  }

  private static List<InputThreshold> list(String text) {
    return ThresholdText.parse(
        text, (name, pct, critical) -> new InputThreshold(DateInput.ofId(name), pct, critical));
  }
}
