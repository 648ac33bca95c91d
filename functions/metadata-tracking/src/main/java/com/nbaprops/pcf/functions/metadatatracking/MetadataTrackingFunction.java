package com.nbaprops.pcf.functions.metadatatracking;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.message.ValidatedChunk;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.transport.FunctionInbox;
import io.cloudevents.CloudEvent;
import java.util.function.Supplier;

/**
 * metadata-tracking: a verdict from {@code coverage-validated} becomes the date's metadata row; a
 * sweep from {@code metadata-tracking-trigger} re-checks a span of dates. The message's shape tells
 * which: a verdict has a {@code verdict} field.
 */
public final class MetadataTrackingFunction implements CloudEventsFunction {
  private final FunctionInbox inbox;
  private final MetadataTrackingService tracking;
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
    this.tracking =
        new MetadataTrackingService(
            runtime.warehouse(),
            runtime.config(),
            runtime.failures(),
            runtime.publisher(),
            clock,
            log);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, this::parse).ifPresent(this::dispatch);
  }

  private Object parse(String json, Supplier<String> runIds) {
    JsonFields fields = JsonFields.parse(json);
    if (ValidatedChunk.isMeant(fields)) {
      return ValidatedChunk.fromJson(json);
    }
    return CoverageValidated.isMeant(fields)
        ? CoverageValidated.fromJson(json)
        : SweepRequest.parse(json, clock.today(), maxRangeDays, runIds);
  }

  private void dispatch(Object message) {
    if (message instanceof ValidatedChunk chunk) {
      tracking.trackChunk(chunk);
    } else if (message instanceof CoverageValidated validated) {
      tracking.track(validated);
    } else if (message instanceof SweepRequest sweep) {
      tracking.sweep(sweep);
    }
  }
}
