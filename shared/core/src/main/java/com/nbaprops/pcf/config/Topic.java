package com.nbaprops.pcf.config;

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
}
