package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.report.CoverageReport;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageStatus;
import java.util.List;

/** The coverage report's page, from the metadata, the open failures and the latest cleanups. */
public final class Reports {
  private Reports() {}

  private static CoverageReport.DateRow dateRow(Row r) {
    return new CoverageReport.DateRow(
        r.date("analysis_date"),
        r.int64("expected_players"),
        r.int64("actual_players"),
        r.float64("coverage_pct"),
        r.string("status"),
        r.string("data_source"),
        r.string("verdict"));
  }

  public static CoverageReport coverage(LocalRuntime local, DateRange span) {
    PipelineConfig config = local.runtime().config();
    List<CoverageReport.DateRow> dates =
        Status.rows(local, span).stream()
            // An off day has no coverage to draw, and one far from the season would stretch the
            // chart's span over months of nothing.
            .filter(r -> !CoverageStatus.OFF_DAY.name().equals(r.string("status")))
            .map(Reports::dateRow)
            .toList();
    List<CoverageReport.Failure> failures =
        Failures.open(local, span).stream()
            .map(
                r ->
                    new CoverageReport.Failure(
                        r.date("analysis_date"),
                        r.string("processor_name"),
                        r.string("failure_category"),
                        r.string("failure_reason")))
            .toList();
    return new CoverageReport(
        "Composite factors: coverage "
            + (dates.isEmpty()
                ? ""
                : dates.get(0).date() + " to " + dates.get(dates.size() - 1).date()),
        dates,
        failures,
        cleanups(local),
        config.thresholds().coverageFailPct(),
        config.thresholds().coverageWarnPct(),
        config.topic(Topic.COMPOSITE_FACTORS_REQUESTS));
  }

  /** The ten latest cleanup runs, newest first. */
  private static List<CoverageReport.Cleanup> cleanups(LocalRuntime local) {
    return local
        .query(
            local.sql(
                "SELECT cleanup_time, status, dry_run, cutoff_date, total_records_backed_up,"
                    + " total_records_deleted FROM {cleanup_operations}"
                    + " ORDER BY cleanup_time DESC LIMIT 10"))
        .stream()
        .map(
            r ->
                new CoverageReport.Cleanup(
                    r.timestamp("cleanup_time"),
                    r.string("status"),
                    r.bool("dry_run"),
                    r.date("cutoff_date"),
                    r.int64("total_records_backed_up"),
                    r.int64("total_records_deleted")))
        .toList();
  }
}
