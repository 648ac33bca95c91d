package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import java.time.Clock;

/**
 * What a function instance is wired from: configuration, the three ports, a clock and where logs
 * go. Only the function classes (the composition roots) hold it; their services receive the pieces
 * they use.
 */
public record PipelineRuntime(
    PipelineConfig config,
    Warehouse warehouse,
    EventBus bus,
    BlobStore blobs,
    Clock clock,
    LogSink logSink) {

  /** The same runtime over another warehouse: a test's faulty one, a recording one. */
  public PipelineRuntime withWarehouse(Warehouse other) {
    return new PipelineRuntime(config, other, bus, blobs, clock, logSink);
  }

  /** The same runtime over another bus. */
  public PipelineRuntime withBus(EventBus other) {
    return new PipelineRuntime(config, warehouse, other, blobs, clock, logSink);
  }

  /** The same runtime over another blob store. */
  public PipelineRuntime withBlobs(BlobStore other) {
    return new PipelineRuntime(config, warehouse, bus, other, clock, logSink);
  }

  public LeagueClock leagueClock() {
    return new LeagueClock(clock, config.leagueTimeZone());
  }

  public TopicPublisher publisher() {
    return new TopicPublisher(bus, config);
  }

  public FailureRecorder failures() {
    return new FailureRecorder(warehouse, config.catalog(), clock);
  }

  public StructuredLog log(FunctionName function) {
    return StructuredLog.to(logSink).with("function", function.id());
  }
}
