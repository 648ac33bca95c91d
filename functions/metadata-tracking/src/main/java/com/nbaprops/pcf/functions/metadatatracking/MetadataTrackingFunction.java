package com.nbaprops.pcf.functions.metadatatracking;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.service.Backends;
import com.nbaprops.pcf.service.FailureRecorder;
import com.nbaprops.pcf.service.FunctionInbox;
import com.nbaprops.pcf.service.MetadataTrackingService;
import com.nbaprops.pcf.service.PipelineRuntime;
import io.cloudevents.CloudEvent;

/**
 * metadata-tracking: a verdict from {@code coverage-validated} becomes the date's metadata row; a sweep from
 * {@code metadata-tracking-trigger} re-checks a span of dates. The message's shape tells which: a verdict has a
 * {@code verdict} field.
 */
public final class MetadataTrackingFunction implements CloudEventsFunction {
  private final PipelineRuntime runtime;
  private final FunctionInbox inbox;
  private final MetadataTrackingService tracking;

  /** Used by the Functions Framework: configured from the environment. */
  public MetadataTrackingFunction() {
    this(Backends.fromEnvironment(System.getenv()));
  }

  public MetadataTrackingFunction(PipelineRuntime runtime) {
    FailureRecorder failures = FailureRecorder.of(runtime);
    this.runtime = runtime;
    this.inbox = new FunctionInbox(MetadataTrackingService.FUNCTION, runtime, failures);
    this.tracking = new MetadataTrackingService(runtime, failures);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, this::parse).ifPresent(this::dispatch);
  }

  private Object parse(String json) {
    return JsonFields.parse(json).has("verdict")
        ? CoverageValidated.fromJson(json)
        : SweepRequest.parse(json, runtime.today(), runtime.config().maxRangeDays(), runtime::newRunId);
  }

  private void dispatch(Object message) {
    if (message instanceof CoverageValidated validated) {
      tracking.track(validated);
    } else if (message instanceof SweepRequest sweep) {
      tracking.sweep(sweep);
    }
  }
}
