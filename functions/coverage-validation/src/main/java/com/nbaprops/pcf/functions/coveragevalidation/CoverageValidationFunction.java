package com.nbaprops.pcf.functions.coveragevalidation;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.DateChunk;
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
    inbox.open(event, (data, runIds) -> Computed.parse(data)).ifPresent(this::dispatch);
  }

  private void dispatch(Computed message) {
    message.validate(validation);
  }

  /** What arrives on composite-factors-computed, read once: one date's outcome, or a chunk's. */
  private sealed interface Computed {
    void validate(CoverageValidationService validation);

    static Computed parse(String data) {
      JsonFields fields = JsonFields.parse(data);
      return DateChunk.OUTCOMES.isMeant(fields)
          ? new Chunk(DateChunk.OUTCOMES.read(fields))
          : new OneDate(FactorsComputed.from(fields));
    }
  }

  private record OneDate(FactorsComputed outcome) implements Computed {
    @Override
    public void validate(CoverageValidationService validation) {
      validation.validate(outcome);
    }
  }

  private record Chunk(DateChunk<FactorsComputed> chunk) implements Computed {
    @Override
    public void validate(CoverageValidationService validation) {
      validation.validateChunk(chunk);
    }
  }
}
