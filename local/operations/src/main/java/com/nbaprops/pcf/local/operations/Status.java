package com.nbaprops.pcf.local.operations;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.report.CoverageReport;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageStatus;
import java.io.PrintWriter;
import java.util.List;

/** Coverage per date as the metadata table has it, with the game dates it has not. */
public final class Status {
  /** Every tracked date of the span, and every game date never processed. */
  private static final String ROWS =
      """
              WITH tracked AS (
                SELECT analysis_date, expected_players, actual_players, coverage_pct, status,
                       data_source, verdict, feature_report, run_id
                FROM {backfill_processing_metadata}
                WHERE analysis_date BETWEEN @start_date AND @end_date
              ),
              game_days AS (
                SELECT DISTINCT game_date
                FROM (SELECT game_date FROM {nba_schedule}
                      WHERE game_date BETWEEN @start_date AND @end_date
                        AND game_status NOT IN ('POSTPONED', 'CANCELLED')
                      UNION ALL
                      SELECT game_date FROM {player_game_summary}
                      WHERE game_date BETWEEN @start_date AND @end_date) AS d
              )
              SELECT COALESCE(t.analysis_date, g.game_date) AS analysis_date,
                     COALESCE(t.expected_players, 0) AS expected_players,
                     COALESCE(t.actual_players, 0) AS actual_players,
                     COALESCE(t.coverage_pct, 0.0) AS coverage_pct,
                     COALESCE(t.status, @not_processed) AS status, t.data_source,
                     COALESCE(t.verdict, '-') AS verdict, t.feature_report, t.run_id
              FROM tracked AS t
              FULL OUTER JOIN game_days AS g ON g.game_date = t.analysis_date
              ORDER BY analysis_date
              """;

  /** What a game date with no metadata row is shown as: it was never processed, or cut off. */
  public static final String NOT_PROCESSED = CoverageReport.NOT_PROCESSED;

  private Status() {}

  /**
   * Every date of the span that has a metadata row or a game (scheduled, or in the box scores); a
   * game date with no metadata row has the status {@value #NOT_PROCESSED}.
   */
  public static List<Row> rows(LocalRuntime local, DateRange span) {
    return local.query(
        local
            .sql(ROWS)
            .date("start_date", span.start())
            .date("end_date", span.end())
            .string("not_processed", NOT_PROCESSED));
  }

  /** Whether the date needs work: INCOMPLETE, STALE, or a game date never processed. */
  public static boolean notDone(Row row) {
    String status = row.string("status");
    return CoverageStatus.needsWork(status) || NOT_PROCESSED.equals(status);
  }

  /** The rows as a table for people, or one JSON array for machines. */
  private static JsonObject json(Row row) {
    JsonObject item = new JsonObject();
    item.addProperty("analysis_date", row.date("analysis_date").toString());
    item.addProperty("expected_players", row.int64("expected_players"));
    item.addProperty("actual_players", row.int64("actual_players"));
    item.addProperty("coverage_pct", row.float64("coverage_pct"));
    item.addProperty("status", row.string("status"));
    item.addProperty("data_source", row.string("data_source"));
    item.addProperty("verdict", row.string("verdict"));
    return item;
  }

  public static void print(List<Row> rows, boolean json, PrintWriter out) {
    if (json) {
      JsonArray array = new JsonArray();
      rows.forEach(row -> array.add(json(row)));
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

  /** Prints the span's rows; {@link ExitCodes#PROBLEM} when a date needs work. */
  public static int show(LocalRuntime local, DateRange span, boolean json, PrintWriter out) {
    List<Row> rows = rows(local, span);
    print(rows, json, out);
    return rows.stream().anyMatch(Status::notDone) ? ExitCodes.PROBLEM : ExitCodes.OK;
  }
}
