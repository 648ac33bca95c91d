package com.nbaprops.pcf.functions.metadatatracking;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.FreshnessRequest;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.transport.FunctionInbox;
import com.nbaprops.pcf.transport.TableWritten;
import io.cloudevents.CloudEvent;
import java.util.function.Supplier;

/**
 * metadata-tracking: a verdict from {@code coverage-validated} becomes the date's metadata row; a
 * sweep from {@code metadata-tracking-trigger} re-checks a span of dates, and a freshness check
 * there finds the inputs late at their due time. The message's shape tells which: a verdict has a
 * {@code verdict} field, a freshness check {@code freshness}. An audit log entry of an upstream
 * table written (its own Eventarc trigger) requests the dates it makes computable.
 */
public final class MetadataTrackingFunction implements CloudEventsFunction {
  private final FunctionInbox inbox;
  private final MetadataTrackingService tracking;
  private final FreshnessCheck freshness;
  private final Landings landings;
  private final LeagueClock clock;
  private final int maxRangeDays;

  /** Used by the Functions Framework: configured from the environment. */
  public MetadataTrackingFunction() {
    this(Backends.forFunction(FunctionName.METADATA_TRACKING, System.getenv()));
  }

  public MetadataTrackingFunction(PipelineRuntime runtime) {
    StructuredLog log = runtime.log(FunctionName.METADATA_TRACKING);
    this.clock = runtime.leagueClock();
    this.maxRangeDays = runtime.config().maxRangeDays();
    this.inbox = new FunctionInbox(FunctionName.METADATA_TRACKING, log, clock, runtime.failures());
    TrackingReads reads = TrackingReads.of(runtime.warehouse(), runtime.config());
    DateRequests requests = new DateRequests(runtime.publisher(), runtime.failures());
    this.tracking =
        new MetadataTrackingService(
            runtime.warehouse(), runtime.config(), reads, runtime.failures(), requests, clock, log);
    this.freshness =
        new FreshnessCheck(
            runtime.warehouse(), runtime.config(), reads.counts(), runtime.failures(), clock, log);
    this.landings =
        new Landings(runtime.warehouse(), runtime.config(), reads, tracking, requests, clock, log);
  }

  @Override
  public void accept(CloudEvent event) {
    if (TableWritten.isAuditLog(event)) {
      String runId = Attributes.runIdOf(event.getId());
      inbox.openTableWritten(event).ifPresent(written -> landings.landed(written, runId));
      return;
    }
    inbox.open(event, this::parse).ifPresent(message -> message.track(this));
  }

  /** The message read once: its fields say which of the three it is. */
  private Tracked parse(String json, Supplier<String> runIds) {
    JsonFields fields = JsonFields.parse(json);
    if (FreshnessRequest.isMeant(fields)) {
      return new Freshness(FreshnessRequest.from(fields, runIds));
    }
    if (DateChunk.VERDICTS.isMeant(fields)) {
      return new Chunk(DateChunk.VERDICTS.read(fields));
    }
    return CoverageValidated.isMeant(fields)
        ? new OneDate(CoverageValidated.from(fields))
        : new Sweep(SweepRequest.from(fields, clock.today(), maxRangeDays, runIds));
  }

  /**
   * What metadata-tracking is asked on its topics: a date's verdict, a chunk's verdicts, a sweep,
   * or a freshness check.
   */
  private sealed interface Tracked {
    void track(MetadataTrackingFunction function);
  }

  private record Freshness(FreshnessRequest request) implements Tracked {
    @Override
    public void track(MetadataTrackingFunction function) {
      function.freshness.check(request);
    }
  }

  private record OneDate(CoverageValidated verdict) implements Tracked {
    @Override
    public void track(MetadataTrackingFunction function) {
      function.tracking.track(verdict);
    }
  }

  private record Chunk(DateChunk<CoverageValidated> chunk) implements Tracked {
    @Override
    public void track(MetadataTrackingFunction function) {
      function.tracking.trackChunk(chunk);
    }
  }

  private record Sweep(SweepRequest request) implements Tracked {
    @Override
    public void track(MetadataTrackingFunction function) {
      function.tracking.sweep(request);
    }
  }
}
