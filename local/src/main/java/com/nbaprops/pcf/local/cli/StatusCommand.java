package com.nbaprops.pcf.local.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.local.report.CoverageReport;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.table.Tables;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Coverage per date from the metadata table (all tracked dates, or START END), and every game"
          + " date never processed (NOT_PROCESSED). Exit 1 if any date is INCOMPLETE or not processed.",
      "Example: ./pipeline status 2023-02-01 2023-02-28 --json"
    })
final class StatusCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(index = "0", arity = "0..1", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", arity = "0..1", paramLabel = "END")
  LocalDate end;

  @Option(names = "--json", description = "One JSON array, for machines.")
  boolean json;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    DateRange span = CliDates.span(start, end);
    LocalDate from = span.start();
    LocalDate to = span.end();
    try (LocalRuntime local = root.global.openReadOnly()) {
      List<Row> rows = rows(local, from, to);
      print(rows, json, out);
      return rows.stream().anyMatch(StatusCommand::notDone) ? ExitCodes.PROBLEM : ExitCodes.OK;
    }
  }

  /** What a game date with no metadata row is shown as: it was never processed, or cut off. */
  static final String NOT_PROCESSED = CoverageReport.NOT_PROCESSED;

  /**
   * Every date of the span that has a metadata row or a game (scheduled, or in the box scores); a
   * game date with no metadata row has the status {@value #NOT_PROCESSED}.
   */
  static List<Row> rows(LocalRuntime local, LocalDate from, LocalDate to) {
    return local
        .runtime()
        .warehouse()
        .query(
            Sql.of(
                    """
                    WITH tracked AS (
                      SELECT analysis_date, expected_players, actual_players, coverage_pct, status,
                             data_source, verdict, feature_report, run_id
                      FROM %s
                      WHERE analysis_date BETWEEN @start_date AND @end_date
                    ),
                    game_days AS (
                      SELECT DISTINCT game_date
                      FROM (SELECT game_date FROM %s
                            WHERE game_date BETWEEN @start_date AND @end_date
                              AND game_status NOT IN ('POSTPONED', 'CANCELLED')
                            UNION ALL
                            SELECT game_date FROM %s
                            WHERE game_date BETWEEN @start_date AND @end_date) AS d
                    )
                    SELECT COALESCE(t.analysis_date, g.game_date) AS analysis_date,
                           COALESCE(t.expected_players, 0) AS expected_players,
                           COALESCE(t.actual_players, 0) AS actual_players,
                           COALESCE(t.coverage_pct, 0.0) AS coverage_pct,
                           COALESCE(t.status, '%s') AS status, t.data_source,
                           COALESCE(t.verdict, '-') AS verdict, t.feature_report, t.run_id
                    FROM tracked AS t
                    FULL OUTER JOIN game_days AS g ON g.game_date = t.analysis_date
                    ORDER BY analysis_date
                    """
                        .formatted(
                            local.tableName(Tables.BACKFILL_PROCESSING_METADATA),
                            local.tableName(Tables.NBA_SCHEDULE),
                            local.tableName(Tables.PLAYER_GAME_SUMMARY),
                            NOT_PROCESSED))
                .date("start_date", from)
                .date("end_date", to));
  }

  /** Whether the date needs work: INCOMPLETE, or a game date never processed. */
  static boolean notDone(Row row) {
    String status = row.string("status");
    return CoverageStatus.INCOMPLETE.name().equals(status) || NOT_PROCESSED.equals(status);
  }

  static void print(List<Row> rows, boolean json, PrintStream out) {
    if (json) {
      JsonArray array = new JsonArray();
      for (Row row : rows) {
        JsonObject item = new JsonObject();
        item.addProperty("analysis_date", row.date("analysis_date").toString());
        item.addProperty("expected_players", row.int64("expected_players"));
        item.addProperty("actual_players", row.int64("actual_players"));
        item.addProperty("coverage_pct", row.float64("coverage_pct"));
        item.addProperty("status", row.string("status"));
        item.addProperty("data_source", row.string("data_source"));
        item.addProperty("verdict", row.string("verdict"));
        array.add(item);
      }
      out.println(array);
      return;
    }
    out.printf(
        "%-10s  %8s  %6s  %8s  %-10s  %-9s  %s%n",
        "date", "expected", "actual", "coverage", "status", "source", "verdict");
    for (Row row : rows) {
      out.printf(
          "%-10s  %8d  %6d  %7.2f%%  %-10s  %-9s  %s%n",
          row.date("analysis_date"),
          row.int64("expected_players"),
          row.int64("actual_players"),
          row.float64("coverage_pct"),
          StructuredLog.escape(row.string("status")),
          row.string("data_source") == null ? "-" : StructuredLog.escape(row.string("data_source")),
          StructuredLog.escape(row.string("verdict")));
    }
  }
}
