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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a range fans out, finds the dates whose upcoming context is partial. Two grouped queries
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

  public PreflightReport check(DateRange range, boolean force) {
    Map<LocalDate, Integer> expected = playersPerDate(playerGames, range);
    Map<LocalDate, Integer> upcoming = playersPerDate(upcomingPlayers, range);
    List<PreflightReport.Issue> issues = new ArrayList<>();
    for (Map.Entry<LocalDate, Integer> entry : expected.entrySet()) {
      int played = entry.getValue();
      int context = upcoming.getOrDefault(entry.getKey(), 0);
      if (context > 0 && Coverage.below(context, played, thresholdPct)) {
        issues.add(new PreflightReport.Issue(entry.getKey(), context, played));
      }
    }
    issues.sort(Comparator.comparing(PreflightReport.Issue::date));
    return new PreflightReport(expected.keySet().stream().sorted().toList(), issues, force);
  }

  private Map<LocalDate, Integer> playersPerDate(String table, DateRange range) {
    Sql sql =
        Sql.of(
                "SELECT game_date, COUNT(DISTINCT player_lookup) AS players FROM "
                    + table
                    + " WHERE game_date BETWEEN @start_date AND @end_date GROUP BY game_date")
            .date("start_date", range.start())
            .date("end_date", range.end());
    Map<LocalDate, Integer> counts = new HashMap<>();
    for (Row row : warehouse.query(sql)) {
      counts.put(row.date("game_date"), row.int32("players"));
    }
    return counts;
  }
}
