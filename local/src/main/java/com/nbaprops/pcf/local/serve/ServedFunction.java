package com.nbaprops.pcf.local.serve;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction;
import com.nbaprops.pcf.functions.coveragevalidation.CoverageValidationFunction;
import com.nbaprops.pcf.functions.metadatatracking.MetadataTrackingFunction;
import com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupFunction;
import java.util.List;

/**
 * The four functions as they are deployed and as {@code ./pipeline serve} hosts them: entry point, the topics that
 * trigger each, the topics each publishes to (Terraform grants publisher on exactly these), and the port offset.
 */
public enum ServedFunction {
  COMPOSITE_FACTORS(
      0,
      CompositeFactorsFunction.class,
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS),
      // A range request fans out one request per date onto its own topic.
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS, Topic.COMPOSITE_FACTORS_COMPUTED)),
  COVERAGE_VALIDATION(
      1, CoverageValidationFunction.class, List.of(Topic.COMPOSITE_FACTORS_COMPUTED), List.of(Topic.COVERAGE_VALIDATED)),
  METADATA_TRACKING(
      2,
      MetadataTrackingFunction.class,
      List.of(Topic.COVERAGE_VALIDATED, Topic.METADATA_TRACKING_TRIGGER),
      List.of()),
  UPCOMING_TABLES_CLEANUP(
      3,
      UpcomingTablesCleanupFunction.class,
      List.of(Topic.UPCOMING_TABLES_CLEANUP_TRIGGER),
      List.of(Topic.UPCOMING_TABLES_CLEANED));

  /** composite-factors listens here; the others on the next ports. */
  public static final int DEFAULT_PORT_BASE = 8081;

  private final int portOffset;
  private final Class<?> entryPoint;
  private final List<Topic> triggers;
  private final List<Topic> publishes;

  ServedFunction(int portOffset, Class<?> entryPoint, List<Topic> triggers, List<Topic> publishes) {
    this.portOffset = portOffset;
    this.entryPoint = entryPoint;
    this.triggers = triggers;
    this.publishes = publishes;
  }

  public String functionName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public int port(int base) {
    return base + portOffset;
  }

  public String entryPoint() {
    return entryPoint.getName();
  }

  public List<Topic> triggers() {
    return triggers;
  }

  public List<Topic> publishes() {
    return publishes;
  }
}
