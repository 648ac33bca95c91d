package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.CleanupRequest;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.transport.FunctionInbox;
import io.cloudevents.CloudEvent;

/**
 * upcoming-tables-cleanup: on {@code upcoming-tables-cleanup-trigger} (the scheduler's {@code
 * {"trigger":"scheduled"}} at 04:00 in New York), backs up and deletes the upcoming-context rows
 * older than the TTL.
 */
public final class UpcomingTablesCleanupFunction implements CloudEventsFunction {
  private final FunctionInbox inbox;
  private final UpcomingTablesCleanupService cleanup;

  /** Used by the Functions Framework: configured from the environment. */
  public UpcomingTablesCleanupFunction() {
    this(Backends.forFunction(FunctionName.UPCOMING_TABLES_CLEANUP, System.getenv()));
  }

  public UpcomingTablesCleanupFunction(PipelineRuntime runtime) {
    StructuredLog log = runtime.log(FunctionName.UPCOMING_TABLES_CLEANUP);
    LeagueClock clock = runtime.leagueClock();
    this.inbox =
        new FunctionInbox(FunctionName.UPCOMING_TABLES_CLEANUP, log, clock, runtime.failures());
    this.cleanup =
        new UpcomingTablesCleanupService(
            runtime.warehouse(),
            runtime.blobs(),
            runtime.config(),
            runtime.publisher(),
            clock,
            log);
  }

  @Override
  public void accept(CloudEvent event) {
    inbox.open(event, CleanupRequest::parse).ifPresent(cleanup::run);
  }
}
