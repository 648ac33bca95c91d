package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.local.report.CoverageReport;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.table.Tables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML page: coverage per date as a chart with the fail and warn lines,"
          + " status and source per date, the dates to re-run with their commands, the open failures"
          + " and the latest cleanup runs (all tracked dates, or START END).",
      "Example: ./pipeline report 2023-02-01 2023-02-28 --out february.html"
    })
final class ReportCommand implements Callable<Integer> {
  private static final int CLEANUPS = 10;

  @ParentCommand PipelineCli root;

  @Parameters(index = "0", arity = "0..1", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", arity = "0..1", paramLabel = "END")
  LocalDate end;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file.")
  Path output;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    DateRange span = CliDates.span(start, end);
    LocalDate from = span.start();
    LocalDate to = span.end();
    try (LocalRuntime local = root.global.openReadOnly()) {
      CoverageReport report = report(local, from, to);
      Files.writeString(output, report.html(), StandardCharsets.UTF_8);
      out.println("report written to " + output.toAbsolutePath());
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  static CoverageReport report(LocalRuntime local, LocalDate from, LocalDate to) {
    PipelineConfig config = local.runtime().config();
    List<CoverageReport.DateRow> dates =
        StatusCommand.rows(local, from, to).stream()
            // An off day has no coverage to draw, and one far from the season would stretch the
            // chart's span over months of nothing.
            .filter(r -> !CoverageStatus.OFF_DAY.name().equals(r.string("status")))
            .map(
                r ->
                    new CoverageReport.DateRow(
                        r.date("analysis_date"),
                        r.int64("expected_players"),
                        r.int64("actual_players"),
                        r.float64("coverage_pct"),
                        r.string("status"),
                        r.string("data_source"),
                        r.string("verdict")))
            .toList();
    List<CoverageReport.Failure> failures =
        FailuresCommand.open(local, from, to).stream()
            .map(
                r ->
                    new CoverageReport.Failure(
                        r.date("analysis_date"),
                        r.string("processor_name"),
                        r.string("failure_category"),
                        r.string("failure_reason")))
            .toList();
    List<CoverageReport.Cleanup> cleanups =
        local
            .runtime()
            .warehouse()
            .query(
                Sql.of(
                    "SELECT cleanup_time, status, dry_run, cutoff_date, total_records_backed_up,"
                        + " total_records_deleted FROM "
                        + config.catalog().qualifiedName(Tables.CLEANUP_OPERATIONS)
                        + " ORDER BY cleanup_time DESC LIMIT "
                        + CLEANUPS))
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
    return new CoverageReport(
        "Composite factors: coverage "
            + (dates.isEmpty()
                ? ""
                : dates.get(0).date() + " to " + dates.get(dates.size() - 1).date()),
        dates,
        failures,
        cleanups,
        config.thresholds().coverageFailPct(),
        config.thresholds().coverageWarnPct(),
        config.topic(Topic.COMPOSITE_FACTORS_REQUESTS));
  }
}
