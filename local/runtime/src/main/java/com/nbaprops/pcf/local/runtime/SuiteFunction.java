package com.nbaprops.pcf.local.runtime;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction;
import com.nbaprops.pcf.functions.coveragevalidation.CoverageValidationFunction;
import com.nbaprops.pcf.functions.metadatatracking.MetadataTrackingFunction;
import com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupFunction;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import java.util.List;
import java.util.function.Function;

/**
 * The deployable class of each function of the {@link FunctionName} catalog, how the local runtime
 * constructs it, and its port under {@code ./pipeline serve}.
 */
@SuppressWarnings("ImmutableEnumChecker") // the factories are constructor references, stateless
public enum SuiteFunction {
  COMPOSITE_FACTORS(
      FunctionName.COMPOSITE_FACTORS,
      0,
      CompositeFactorsFunction.class,
      CompositeFactorsFunction::new),
  COVERAGE_VALIDATION(
      FunctionName.COVERAGE_VALIDATION,
      1,
      CoverageValidationFunction.class,
      CoverageValidationFunction::new),
  METADATA_TRACKING(
      FunctionName.METADATA_TRACKING,
      2,
      MetadataTrackingFunction.class,
      MetadataTrackingFunction::new),
  UPCOMING_TABLES_CLEANUP(
      FunctionName.UPCOMING_TABLES_CLEANUP,
      3,
      UpcomingTablesCleanupFunction.class,
      UpcomingTablesCleanupFunction::new);

  /**
   * The in-process bus's channel of BigQuery audit log entries for upstream tables written: what
   * Terraform's Eventarc triggers on the audit logs deliver to metadata-tracking.
   */
  public static final String TABLE_WRITTEN = "bigquery-table-written";

  /** composite-factors listens here; the others on the next ports. */
  public static final int DEFAULT_PORT_BASE = 8081;

  private final FunctionName name;
  private final int portOffset;
  private final Class<? extends CloudEventsFunction> entryPoint;
  private final Function<PipelineRuntime, CloudEventsFunction> factory;

  SuiteFunction(
      FunctionName name,
      int portOffset,
      Class<? extends CloudEventsFunction> entryPoint,
      Function<PipelineRuntime, CloudEventsFunction> factory) {
    this.name = name;
    this.portOffset = portOffset;
    this.entryPoint = entryPoint;
    this.factory = factory;
  }

  /** The deployed name, e.g. {@code composite-factors}. */
  public String functionName() {
    return name.id();
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

  /** The name of its subscription to {@code topic} on the in-process bus. */
  public String subscription(Topic topic) {
    return functionName() + "-" + topic.baseName();
  }

  /** Whether {@code subscription} is one of this function's. */
  public boolean owns(String subscription) {
    return triggers().stream().anyMatch(topic -> subscription(topic).equals(subscription));
  }

  /** Whether the audit log entries of upstream tables written trigger it too. */
  public boolean hearsTableWrites() {
    return this == METADATA_TRACKING;
  }

  public List<Topic> triggers() {
    return name.triggers();
  }

  public List<Topic> publishes() {
    return name.publishes();
  }

  public boolean usesBlobs() {
    return name.usesBlobs();
  }
}
