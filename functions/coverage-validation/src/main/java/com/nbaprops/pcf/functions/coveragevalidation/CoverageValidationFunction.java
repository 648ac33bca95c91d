package com.nbaprops.pcf.functions.coveragevalidation;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.service.Backends;
import com.nbaprops.pcf.service.CoverageValidationService;
import com.nbaprops.pcf.service.FailureRecorder;
import com.nbaprops.pcf.service.FunctionInbox;
import com.nbaprops.pcf.service.PipelineRuntime;
import io.cloudevents.CloudEvent;

/** coverage-validation, on {@code composite-factors-computed}: the verdict of one computed date. */
public final class CoverageValidationFunction implements CloudEventsFunction {
  private final FunctionInbox inbox;
  private final CoverageValidationService validation;

  /** Used by the Functions Framework: configured from the environment. */
  public CoverageValidationFunction() {
    this(Backends.fromEnvironment(System.getenv()));
  }

  public CoverageValidationFunction(PipelineRuntime runtime) {
    FailureRecorder failures = FailureRecorder.of(runtime);
    this.inbox = new FunctionInbox(CoverageValidationService.FUNCTION, runtime, failures);
    this.validation = new CoverageValidationService(runtime);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, FactorsComputed::fromJson).ifPresent(validation::validate);
  }
}
