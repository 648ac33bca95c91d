package com.nbaprops.pcf.local;

import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.local.LocalDirectoryBlobStore;
import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction;
import com.nbaprops.pcf.functions.coveragevalidation.CoverageValidationFunction;
import com.nbaprops.pcf.functions.metadatatracking.MetadataTrackingFunction;
import com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupFunction;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.service.PipelineRuntime;
import com.nbaprops.pcf.table.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded default: a DuckDB file and a blob directory under the pipeline home, and an in-process bus that
 * delivers each topic to the same function classes the cloud runs.
 */
public final class LocalRuntime implements AutoCloseable {
  /** How often the local bus delivers a message before dead-lettering it (the Terraform subscriptions' setting). */
  static final int MAX_DELIVERY_ATTEMPTS = 5;

  private final PipelineRuntime runtime;
  private final LocalEventBus bus;

  private LocalRuntime(PipelineRuntime runtime, LocalEventBus bus) {
    this.runtime = runtime;
    this.bus = bus;
  }

  /**
   * @param today fixes the clock (at noon in the league's time zone) so runs are repeatable; null for the real clock
   */
  public static LocalRuntime open(Path home, Map<String, String> env, LocalDate today, LogSink logSink) {
    Map<String, String> settings = new HashMap<>(env);
    settings.remove(PipelineConfig.WAREHOUSE);
    settings.remove(PipelineConfig.BUS);
    settings.remove(PipelineConfig.BLOBS);
    PipelineConfig config = PipelineConfig.fromEnvironment(settings, home.toString());
    Clock clock =
        today == null
            ? Clock.systemUTC()
            : Clock.fixed(today.atTime(LocalTime.NOON).atZone(config.leagueTimeZone()).toInstant(), ZoneOffset.UTC);
    DuckDbWarehouse warehouse = DuckDbWarehouse.open(home.resolve("warehouse.duckdb"), config.catalog());
    warehouse.createTables(Tables.ALL);
    LocalEventBus bus = new LocalEventBus(config.projectId(), MAX_DELIVERY_ATTEMPTS, clock, StructuredLog.to(logSink));
    PipelineRuntime runtime =
        new PipelineRuntime(
            config, warehouse, bus, new LocalDirectoryBlobStore(home.resolve("gcs")), clock, logSink);
    bus.subscribe(
        config.topic(Topic.UPCOMING_TABLES_CLEANUP_TRIGGER),
        "upcoming-tables-cleanup",
        new UpcomingTablesCleanupFunction(runtime));
    bus.subscribe(
        config.topic(Topic.COMPOSITE_FACTORS_REQUESTS), "composite-factors", new CompositeFactorsFunction(runtime));
    bus.subscribe(
        config.topic(Topic.COMPOSITE_FACTORS_COMPUTED), "coverage-validation", new CoverageValidationFunction(runtime));
    MetadataTrackingFunction tracking = new MetadataTrackingFunction(runtime);
    bus.subscribe(config.topic(Topic.COVERAGE_VALIDATED), "metadata-tracking", tracking);
    bus.subscribe(config.topic(Topic.METADATA_TRACKING_TRIGGER), "metadata-tracking-sweep", tracking);
    return new LocalRuntime(runtime, bus);
  }

  public PipelineRuntime runtime() {
    return runtime;
  }

  public LocalEventBus bus() {
    return bus;
  }

  /** Subscribes an observer (a progress bar, a test probe) to a topic. */
  public void observe(Topic topic, String name, com.google.cloud.functions.CloudEventsFunction observer) {
    bus.subscribe(runtime.config().topic(topic), name, observer);
  }

  @Override
  public void close() {
    runtime.warehouse().close();
  }
}
