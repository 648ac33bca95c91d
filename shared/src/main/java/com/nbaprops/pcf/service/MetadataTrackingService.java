package com.nbaprops.pcf.service;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.rules.CoverageGate;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one current metadata row per date (re-tracking replaces it), flags incomplete dates in the failures table
 * with what to do, resolves those flags once the date is complete, and raises a structured alert
 * ({@code alert=coverage}) for LOW and INCOMPLETE dates.
 */
public final class MetadataTrackingService {
  public static final String FUNCTION = "metadata-tracking";
  private static final String OPEN_CATEGORIES =
      "'INCOMPLETE_COVERAGE', 'VALIDATION_ERROR', 'PARTIAL_UPCOMING_CONTEXT', 'NO_INPUT'";

  private final PipelineRuntime runtime;
  private final PlayerSources sources;
  private final FailureRecorder failures;
  private final CoverageGate gate;
  private final String failuresTable;

  public MetadataTrackingService(PipelineRuntime runtime, FailureRecorder failures) {
    this.runtime = runtime;
    this.sources = new PlayerSources(runtime.warehouse(), runtime.config().catalog());
    this.failures = failures;
    this.gate =
        runtime.config().thresholds().coverageGate();
    this.failuresTable = runtime.config().catalog().qualifiedName(Tables.PRECOMPUTE_FAILURES);
  }

  /** Tracks a validated date; failures are always flagged. */
  public CoverageStatus track(CoverageValidated validated) {
    return track(validated, true);
  }

  /** Re-checks every date of the range that had games, straight from the tables. Returns the statuses. */
  public List<CoverageStatus> sweep(SweepRequest request) {
    List<CoverageStatus> statuses = new ArrayList<>();
    for (LocalDate date : request.range().dates()) {
      int expected = sources.expectedPlayers(date);
      if (expected == 0) {
        continue;
      }
      PlayerSources.Written written = sources.writtenPlayers(date);
      Verdict verdict = gate.verdict(written.players(), expected);
      statuses.add(
          track(
              new CoverageValidated(
                  request.runId(), date, verdict, expected, written.players(), written.dataSource(), null,
                  "metadata sweep"),
              request.flagIncomplete()));
    }
    return statuses;
  }

  private CoverageStatus track(CoverageValidated v, boolean flagFailures) {
    LocalDate date = v.analysisDate();
    StructuredLog log = runtime.log(FUNCTION).with("run_id", v.runId()).with("analysis_date", date);
    CoverageStatus status = status(v);
    double pct = Coverage.round(Coverage.percent(v.actualPlayers(), v.expectedPlayers()), 2);
    runtime.warehouse().replacePartition(
        Tables.BACKFILL_PROCESSING_METADATA,
        date,
        List.of(
            Row.builder()
                .set("analysis_date", date)
                .set("expected_players", (long) v.expectedPlayers())
                .set("actual_players", (long) v.actualPlayers())
                .set("coverage_pct", pct)
                .set("status", status.name())
                .set("data_source", v.dataSource())
                .set("verdict", v.verdict().name())
                .set("feature_report", v.featureReport())
                .set("run_id", v.runId())
                .set("tracked_at", runtime.clock().instant())
                .build()));
    String summary =
        String.format("%s %s: %d of %d players (%.2f%%), verdict %s", date, status, v.actualPlayers(),
            v.expectedPlayers(), pct, v.verdict());
    switch (status) {
      case COMPLETE, SKIPPED -> {
        log.info(summary);
        if (status == CoverageStatus.COMPLETE) {
          resolve(date);
        }
      }
      case LOW -> log.with("alert", "coverage").log(Severity.WARNING, summary);
      case INCOMPLETE -> {
        log.with("alert", "coverage").log(Severity.ERROR, summary + " (" + v.reason() + ")");
        if (flagFailures) {
          flag(v, pct);
        }
      }
    }
    return status;
  }

  private CoverageStatus status(CoverageValidated v) {
    if (v.verdict() == Verdict.ERROR) {
      return CoverageStatus.INCOMPLETE;
    }
    if (v.verdict() == Verdict.SKIPPED && v.expectedPlayers() == 0 && v.actualPlayers() == 0) {
      return CoverageStatus.SKIPPED;
    }
    return CoverageStatus.of(
        v.actualPlayers(), v.expectedPlayers(), runtime.config().thresholds().coverageFailPct());
  }

  private void flag(CoverageValidated v, double pct) {
    LocalDate date = v.analysisDate();
    boolean error = v.verdict() == Verdict.ERROR;
    String reprocess =
        "./pipeline reprocess " + date + " (cloud: gcloud pubsub topics publish "
            + runtime.config().topic(com.nbaprops.pcf.config.Topic.COMPOSITE_FACTORS_REQUESTS)
            + " --message '{\"analysis_date\":\"" + date + "\",\"backfill_mode\":true}')";
    String reason =
        error
            ? date + ": coverage could not be validated (" + v.reason() + "). Check the warehouse, then reprocess: "
                + reprocess
            : String.format(
                "%s: only %d of %d players have composite factors (%.2f%%), %d missing. Reprocess: %s",
                date, v.actualPlayers(), v.expectedPlayers(), pct, v.expectedPlayers() - v.actualPlayers(),
                reprocess);
    failures.record(
        FUNCTION, v.runId(), date, "DATE_LEVEL",
        error ? FailureRecorder.Category.VALIDATION_ERROR : FailureRecorder.Category.INCOMPLETE_COVERAGE,
        reason, true, v.runId());
  }

  private void resolve(LocalDate date) {
    runtime.warehouse().execute(
        Sql.of(
                "UPDATE " + failuresTable + " SET resolution_status = 'RESOLVED', resolved_at = @resolved_at"
                    + " WHERE analysis_date = @analysis_date AND resolution_status = 'UNRESOLVED'"
                    + " AND failure_category IN (" + OPEN_CATEGORIES + ")")
            .timestamp("resolved_at", runtime.clock().instant())
            .date("analysis_date", date));
  }
}
