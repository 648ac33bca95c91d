package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.runtime.TopicPublisher;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns a range request into one backfill request per game date, after the pre-flight check. The
 * children carry the range's run id and force flag. A redelivered range publishes its children
 * again; processing a date is idempotent, so that costs time, not correctness.
 */
final class RangeFanOut {
  /** What happened to a range. */
  record Result(PreflightReport preflight, List<LocalDate> published) {
    public boolean stopped() {
      return !preflight.passed();
    }
  }

  private final PreflightCheck preflight;
  private final FailureRecorder failures;
  private final TopicPublisher publisher;
  private final StructuredLog log;

  RangeFanOut(
      PreflightCheck preflight,
      FailureRecorder failures,
      TopicPublisher publisher,
      StructuredLog log) {
    this.preflight = preflight;
    this.failures = failures;
    this.publisher = publisher;
    this.log = log;
  }

  Result fanOut(RangeRequest request) {
    StructuredLog log = this.log.with("run_id", request.runId()).with("range", request.range());
    PreflightReport report = preflight.check(request.range(), request.force());
    if (!report.passed()) {
      log.error(report.describe());
      for (PreflightReport.Issue issue : report.issues()) {
        failures.record(
            FunctionName.COMPOSITE_FACTORS,
            request.runId(),
            issue.date(),
            "DATE_LEVEL",
            FailureCategory.PARTIAL_UPCOMING_CONTEXT,
            String.format(
                "Backfill %s stopped: upcoming_player_game_context has %d of %d players (%.1f%%) on %s. Run"
                    + " ./pipeline cleanup, or rerun the range with force so the fallback rebuilds the date.",
                request.range(),
                issue.upcomingPlayers(),
                issue.expectedPlayers(),
                issue.coveragePct(),
                issue.date()),
            true,
            request.runId());
      }
      return new Result(report, List.of());
    }
    log.log(report.issues().isEmpty() ? Severity.INFO : Severity.WARNING, report.describe());
    List<LocalDate> dates = report.gameDates();
    for (LocalDate date : dates) {
      DateRequest child = new DateRequest(date, true, request.force(), request.runId());
      publisher.publish(
          Topic.COMPOSITE_FACTORS_REQUESTS, child.toJson(), Attributes.of(request.runId(), date));
    }
    log.info("fanned out " + dates.size() + " game dates of " + request.range());
    return new Result(report, dates);
  }
}
