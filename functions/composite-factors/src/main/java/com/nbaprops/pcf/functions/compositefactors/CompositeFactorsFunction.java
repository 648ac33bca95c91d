package com.nbaprops.pcf.functions.compositefactors;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.message.AnalysisRequest;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.message.RequestParser;
import com.nbaprops.pcf.service.Backends;
import com.nbaprops.pcf.service.CompositeFactorsService;
import com.nbaprops.pcf.service.FailureRecorder;
import com.nbaprops.pcf.service.FunctionInbox;
import com.nbaprops.pcf.service.PipelineRuntime;
import com.nbaprops.pcf.service.RangeFanOut;
import io.cloudevents.CloudEvent;

/**
 * composite-factors, on {@code composite-factors-requests}: computes one date, or checks and fans out a range.
 */
public final class CompositeFactorsFunction implements CloudEventsFunction {
  private final PipelineRuntime runtime;
  private final FunctionInbox inbox;
  private final CompositeFactorsService dates;
  private final RangeFanOut ranges;

  /** Used by the Functions Framework: configured from the environment. */
  public CompositeFactorsFunction() {
    this(Backends.fromEnvironment(System.getenv()));
  }

  public CompositeFactorsFunction(PipelineRuntime runtime) {
    FailureRecorder failures = FailureRecorder.of(runtime);
    this.runtime = runtime;
    this.inbox = new FunctionInbox(CompositeFactorsService.FUNCTION, runtime, failures);
    this.dates = new CompositeFactorsService(runtime, failures);
    this.ranges = new RangeFanOut(runtime, failures);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, this::parse).ifPresent(this::dispatch);
  }

  private AnalysisRequest parse(String json) {
    return new RequestParser(runtime.today(), runtime.config().maxRangeDays(), runtime::newRunId).parse(json);
  }

  private void dispatch(AnalysisRequest request) {
    if (request instanceof DateRequest date) {
      dates.process(date);
    } else if (request instanceof RangeRequest range) {
      ranges.fanOut(range);
    }
  }
}
