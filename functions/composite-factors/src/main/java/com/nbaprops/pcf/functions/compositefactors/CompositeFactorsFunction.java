package com.nbaprops.pcf.functions.compositefactors;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.AllDatesRequest;
import com.nbaprops.pcf.message.AnalysisRequest;
import com.nbaprops.pcf.message.ChunkRequest;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.message.RequestParser;
import com.nbaprops.pcf.query.DataRange;
import com.nbaprops.pcf.query.InputPrints;
import com.nbaprops.pcf.query.LineageLog;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.runtime.TopicPublisher;
import com.nbaprops.pcf.transport.FunctionInbox;
import io.cloudevents.CloudEvent;
import java.util.function.Supplier;

/**
 * composite-factors, on {@code composite-factors-requests}: computes one date, or checks and fans
 * out a range.
 */
public final class CompositeFactorsFunction implements CloudEventsFunction {
  private final FunctionInbox inbox;
  private final LeagueClock clock;
  private final int maxRangeDays;
  private final CompositeFactorsService dates;
  private final RangeFanOut ranges;

  /** Used by the Functions Framework: configured from the environment. */
  public CompositeFactorsFunction() {
    this(Backends.forFunction(FunctionName.COMPOSITE_FACTORS, System.getenv()));
  }

  public CompositeFactorsFunction(PipelineRuntime runtime) {
    PipelineConfig config = runtime.config();
    FailureRecorder failures = runtime.failures();
    LeagueClock clock = runtime.leagueClock();
    TopicPublisher publisher = runtime.publisher();
    StructuredLog log = runtime.log(FunctionName.COMPOSITE_FACTORS);
    this.inbox = new FunctionInbox(FunctionName.COMPOSITE_FACTORS, log, clock, failures);
    this.clock = clock;
    this.maxRangeDays = config.maxRangeDays();
    this.dates =
        new CompositeFactorsService(
            runtime.warehouse(),
            new PlayerSources(runtime.warehouse(), config.catalog()),
            new LineageRecorder(
                new InputPrints(runtime.warehouse(), config.catalog()),
                new LineageLog(runtime.warehouse(), config.catalog()),
                clock),
            new UpToDate(runtime.warehouse(), config.catalog()),
            config.thresholds(),
            failures,
            publisher,
            clock,
            log);
    this.ranges =
        new RangeFanOut(
            PreflightCheck.of(runtime.warehouse(), config, clock),
            () -> DataRange.of(runtime.warehouse(), config.catalog(), clock.today()),
            config.maxRangeDays(),
            config.rangeChunkDays(),
            failures,
            publisher,
            log);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, this::parse).ifPresent(this::dispatch);
  }

  private AnalysisRequest parse(String json, Supplier<String> runIds) {
    return new RequestParser(clock.today(), maxRangeDays, runIds).parse(json);
  }

  private void dispatch(AnalysisRequest request) {
    if (request instanceof DateRequest date) {
      dates.process(date);
    } else if (request instanceof ChunkRequest chunk) {
      dates.processChunk(chunk);
    } else if (request instanceof RangeRequest range) {
      ranges.fanOut(range);
    } else if (request instanceof AllDatesRequest all) {
      ranges.fanOutAll(all);
    }
  }
}
