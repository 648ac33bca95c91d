package com.nbaprops.pcf.config;

import java.util.Arrays;
import java.util.Optional;

/** The topics of the chain, before the environment prefix is applied. */
public enum Topic {
  UPCOMING_TABLES_CLEANUP_TRIGGER("upcoming-tables-cleanup-trigger"),
  UPCOMING_TABLES_CLEANED("upcoming-tables-cleaned"),
  COMPOSITE_FACTORS_REQUESTS("composite-factors-requests"),
  COMPOSITE_FACTORS_COMPUTED("composite-factors-computed"),
  COVERAGE_VALIDATED("coverage-validated"),
  METADATA_TRACKING_TRIGGER("metadata-tracking-trigger");

  private final String baseName;

  Topic(String baseName) {
    this.baseName = baseName;
  }

  public String baseName() {
    return baseName;
  }

  /** The topic called {@code baseName} (without the environment prefix). */
  public static Optional<Topic> byBaseName(String baseName) {
    return Arrays.stream(values()).filter(t -> t.baseName.equals(baseName)).findFirst();
  }

  /** The topic called {@code baseName}; a usage error naming the topics otherwise. */
  public static Topic parse(String baseName) {
    return byBaseName(baseName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown topic '"
                        + baseName
                        + "'; topics: "
                        + Arrays.stream(values()).map(Topic::baseName).toList()));
  }
}
