package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a range fans out, finds the dates whose upcoming context is partial. One grouped query
 * cover the whole range, whatever its length. A query error propagates: a check that cannot run
 * does not pass.
 */
public final class PreflightCheck {
  private final Warehouse warehouse;
  private final String playerGames;
  private final String upcomingPlayers;
  private final double thresholdPct;

  public PreflightCheck(Warehouse warehouse, Catalog catalog, double thresholdPct) {
    this.warehouse = warehouse;
    this.playerGames = catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY);
    this.upcomingPlayers = catalog.qualifiedName(Tables.UPCOMING_PLAYER_GAME_CONTEXT);
    this.thresholdPct = thresholdPct;
  }

  /**
   * One query (one BigQuery job) for the whole range: who played and who has a context, by date.
   */
  public PreflightReport check(DateRange range, boolean force) {
    Sql sql =
        Sql.of(
                """
                WITH played AS (
                  SELECT game_date, COUNT(DISTINCT player_lookup) AS players FROM %s
                  WHERE game_date BETWEEN @start_date AND @end_date GROUP BY game_date
                ),
                context AS (
                  SELECT game_date, COUNT(DISTINCT player_lookup) AS players FROM %s
                  WHERE game_date BETWEEN @start_date AND @end_date GROUP BY game_date
                )
                SELECT p.game_date, p.players AS played, COALESCE(c.players, 0) AS context
                FROM played AS p LEFT JOIN context AS c ON c.game_date = p.game_date
                ORDER BY p.game_date
                """
                    .formatted(playerGames, upcomingPlayers))
            .date("start_date", range.start())
            .date("end_date", range.end());
    List<LocalDate> gameDates = new ArrayList<>();
    List<PreflightReport.Issue> issues = new ArrayList<>();
    for (Row row : warehouse.query(sql)) {
      LocalDate date = row.date("game_date");
      int played = row.int32("played");
      int context = row.int32("context");
      gameDates.add(date);
      if (context > 0 && Coverage.below(context, played, thresholdPct)) {
        issues.add(new PreflightReport.Issue(date, context, played));
      }
    }
    return new PreflightReport(gameDates, issues, force);
  }
}
