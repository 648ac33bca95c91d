package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.message.CleanupRequest;
import com.nbaprops.pcf.service.Backends;
import com.nbaprops.pcf.service.FailureRecorder;
import com.nbaprops.pcf.service.FunctionInbox;
import com.nbaprops.pcf.service.PipelineRuntime;
import com.nbaprops.pcf.service.UpcomingTablesCleanupService;
import io.cloudevents.CloudEvent;

/**
 * upcoming-tables-cleanup: on {@code upcoming-tables-cleanup-trigger} (the scheduler's {@code {"trigger":"scheduled"}}
 * at 04:00 in New York), backs up and deletes the upcoming-context rows older than the TTL.
 */
public final class UpcomingTablesCleanupFunction implements CloudEventsFunction {
  private final PipelineRuntime runtime;
  private final FunctionInbox inbox;
  private final UpcomingTablesCleanupService cleanup;

  /** Used by the Functions Framework: configured from the environment. */
  public UpcomingTablesCleanupFunction() {
    this(Backends.fromEnvironment(System.getenv()));
  }

  public UpcomingTablesCleanupFunction(PipelineRuntime runtime) {
    this.runtime = runtime;
    this.inbox = new FunctionInbox(UpcomingTablesCleanupService.FUNCTION, runtime, FailureRecorder.of(runtime));
    this.cleanup = new UpcomingTablesCleanupService(runtime);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, json -> CleanupRequest.parse(json, runtime::newRunId)).ifPresent(cleanup::run);
  }
}
