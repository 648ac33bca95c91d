package com.nbaprops.pcf.local;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction;
import com.nbaprops.pcf.functions.coveragevalidation.CoverageValidationFunction;
import com.nbaprops.pcf.functions.metadatatracking.MetadataTrackingFunction;
import com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupFunction;
import com.nbaprops.pcf.service.PipelineRuntime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The four functions of the suite: entry point, the topics that trigger each (its Eventarc triggers, its local
 * subscriptions), the topics each publishes to (Terraform grants publisher on exactly these), and its port under
 * {@code ./pipeline serve}.
 */
public enum SuiteFunction {
  COMPOSITE_FACTORS(
      0,
      CompositeFactorsFunction.class,
      CompositeFactorsFunction::new,
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS),
      // A range request fans out one request per date onto its own topic.
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS, Topic.COMPOSITE_FACTORS_COMPUTED)),
  COVERAGE_VALIDATION(
      1,
      CoverageValidationFunction.class,
      CoverageValidationFunction::new,
      List.of(Topic.COMPOSITE_FACTORS_COMPUTED),
      List.of(Topic.COVERAGE_VALIDATED)),
  METADATA_TRACKING(
      2,
      MetadataTrackingFunction.class,
      MetadataTrackingFunction::new,
      List.of(Topic.COVERAGE_VALIDATED, Topic.METADATA_TRACKING_TRIGGER),
      List.of()),
  UPCOMING_TABLES_CLEANUP(
      3,
      UpcomingTablesCleanupFunction.class,
      UpcomingTablesCleanupFunction::new,
      List.of(Topic.UPCOMING_TABLES_CLEANUP_TRIGGER),
      List.of(Topic.UPCOMING_TABLES_CLEANED));

  /** composite-factors listens here; the others on the next ports. */
  public static final int DEFAULT_PORT_BASE = 8081;

  private final int portOffset;
  private final Class<? extends CloudEventsFunction> entryPoint;
  private final Function<PipelineRuntime, CloudEventsFunction> factory;
  private final List<Topic> triggers;
  private final List<Topic> publishes;

  SuiteFunction(
      int portOffset,
      Class<? extends CloudEventsFunction> entryPoint,
      Function<PipelineRuntime, CloudEventsFunction> factory,
      List<Topic> triggers,
      List<Topic> publishes) {
    this.portOffset = portOffset;
    this.entryPoint = entryPoint;
    this.factory = factory;
    this.triggers = triggers;
    this.publishes = publishes;
  }

  /** The deployed name, e.g. {@code composite-factors}. */
  public String functionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A new instance over {@code runtime}, as the local runtime and tests wire it. */
  public CloudEventsFunction create(PipelineRuntime runtime) {
    return factory.apply(runtime);
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
