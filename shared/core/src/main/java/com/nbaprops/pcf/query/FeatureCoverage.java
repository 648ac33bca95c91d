package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.FeatureThreshold;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.port.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The share of non-null values of each configured feature of {@code player_game_summary} on a date,
 * against its threshold: what coverage-validation checks and the metadata sweep re-checks. The
 * counts come from {@link CoverageCounts}' one query.
 */
final class FeatureCoverage {
  private static final String ALIAS_PREFIX = "feature_";

  private final List<FeatureThreshold> features;

  FeatureCoverage(List<FeatureThreshold> features) {
    this.features = List.copyOf(features);
  }

  /** The aggregate columns to select from the date's box scores. */
  List<String> counts() {
    return features.stream()
        .map(feature -> "COUNT(" + feature.column() + ") AS " + ALIAS_PREFIX + feature.column())
        .toList();
  }

  /** The names {@link #counts} gives its columns. */
  List<String> aliases() {
    return features.stream().map(feature -> ALIAS_PREFIX + feature.column()).toList();
  }

  /** Features under their threshold, from {@code rows} box-score rows and the counted columns. */
  CoverageCounts.Features evaluate(long rows, Row counts) {
    if (rows == 0) {
      return CoverageCounts.Features.NONE;
    }
    List<String> shortfalls = new ArrayList<>();
    boolean critical = false;
    for (FeatureThreshold feature : features) {
      long present = counts.int64(ALIAS_PREFIX + feature.column());
      if (Coverage.below(present, rows, feature.minPct())) {
        critical |= feature.critical();
        shortfalls.add(
            String.format(
                "%s %.1f%% < %.1f%% (%s%s)",
                feature.column(),
                Coverage.percent(present, rows),
                feature.minPct(),
                feature.critical() ? "critical" : "warning",
                present == 0 ? ", absent from the source data" : ""));
      }
    }
    return shortfalls.isEmpty()
        ? CoverageCounts.Features.NONE
        : new CoverageCounts.Features(String.join("; ", shortfalls), critical);
  }
}
