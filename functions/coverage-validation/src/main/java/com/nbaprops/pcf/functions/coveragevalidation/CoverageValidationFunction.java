package com.nbaprops.pcf.functions.coveragevalidation;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.ComputedChunk;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.transport.FunctionInbox;
import io.cloudevents.CloudEvent;

/**
 * coverage-validation, on {@code composite-factors-computed}: the verdict of one computed date, or
 * of each date of a computed chunk.
 */
public final class CoverageValidationFunction implements CloudEventsFunction {
  private final FunctionInbox inbox;
  private final CoverageValidationService validation;

  /** Used by the Functions Framework: configured from the environment. */
  public CoverageValidationFunction() {
    this(Backends.forFunction(FunctionName.COVERAGE_VALIDATION, System.getenv()));
  }

  public CoverageValidationFunction(PipelineRuntime runtime) {
    StructuredLog log = runtime.log(FunctionName.COVERAGE_VALIDATION);
    this.inbox =
        new FunctionInbox(
            FunctionName.COVERAGE_VALIDATION, log, runtime.leagueClock(), runtime.failures());
    this.validation =
        new CoverageValidationService(
            runtime.warehouse(),
            runtime.config().catalog(),
            runtime.config().thresholds().coverageGate(),
            runtime.config().featureThresholds(),
            runtime.config().inputThresholds(),
            runtime.publisher(),
            log);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, (data, runIds) -> parse(data)).ifPresent(this::dispatch);
  }

  private static Object parse(String data) {
    return ComputedChunk.isMeant(JsonFields.parse(data))
        ? ComputedChunk.fromJson(data)
        : FactorsComputed.fromJson(data);
  }

  private void dispatch(Object message) {
    if (message instanceof ComputedChunk chunk) {
      validation.validateChunk(chunk);
    } else if (message instanceof FactorsComputed computed) {
      validation.validate(computed);
    }
  }
}
