package com.nbaprops.pcf.query;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What of a game day's morning inputs has landed before its games are played: the rows of the
 * upcoming player and team contexts, the shot-zone profiles and the zone defense per date, and how
 * many of the teams the schedule has playing each context covers. One query for a range. (Once the
 * box scores are in, {@link CoverageCounts} judges every input against who played; before, who
 * plays is only the schedule's.)
 */
public final class InputArrivals {
  /** The tables read, each with the column counted as what it covers (teams, or players). */
  public static final List<TableDefinition> TABLES =
      List.of(
          Tables.UPCOMING_PLAYER_GAME_CONTEXT,
          Tables.UPCOMING_TEAM_GAME_CONTEXT,
          Tables.PLAYER_SHOT_ZONE_ANALYSIS,
          Tables.TEAM_DEFENSE_ZONE_ANALYSIS);

  /** A table's partition of a date: its rows, and the distinct teams (or players) in them. */
  public record Landed(long rows, long covered) {
    static final Landed NOTHING = new Landed(0, 0);
  }

  /**
   * A game date: the teams the schedule has playing, whether its metadata says COMPLETE (every
   * input it needs was there when it was tracked), and each table's partition.
   */
  public record Arrival(int scheduledTeams, boolean complete, Map<String, Landed> byTable) {
    public Arrival {
      byTable = Map.copyOf(byTable);
    }

    public Landed of(TableDefinition table) {
      return byTable.getOrDefault(table.name(), Landed.NOTHING);
    }
  }

  private final Warehouse warehouse;
  private final String sql;

  public InputArrivals(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.sql =
        catalog
            .template(
                """
                WITH schedule AS (
                  SELECT game_date, home_team_abbr, away_team_abbr
                  FROM {nba_schedule}
                  WHERE game_date BETWEEN @range_start AND @range_end
                    AND game_status NOT IN ('POSTPONED', 'CANCELLED')
                ),
                scheduled AS (
                  SELECT game_date, COUNT(DISTINCT team_abbr) AS scheduled_teams
                  FROM (SELECT game_date, home_team_abbr AS team_abbr FROM schedule
                        UNION ALL SELECT game_date, away_team_abbr AS team_abbr FROM schedule) AS t
                  GROUP BY game_date
                ),
                landed AS (
                  SELECT 'upcoming_player_game_context' AS input_table, game_date AS input_date,
                         COUNT(*) AS landed_rows, COUNT(DISTINCT team_abbr) AS covered
                  FROM {upcoming_player_game_context}
                  WHERE game_date BETWEEN @range_start AND @range_end GROUP BY game_date
                  UNION ALL
                  SELECT 'upcoming_team_game_context', game_date, COUNT(*), COUNT(DISTINCT team_abbr)
                  FROM {upcoming_team_game_context}
                  WHERE game_date BETWEEN @range_start AND @range_end GROUP BY game_date
                  UNION ALL
                  SELECT 'player_shot_zone_analysis', analysis_date, COUNT(*),
                         COUNT(DISTINCT player_lookup)
                  FROM {player_shot_zone_analysis}
                  WHERE analysis_date BETWEEN @range_start AND @range_end GROUP BY analysis_date
                  UNION ALL
                  SELECT 'team_defense_zone_analysis', analysis_date, COUNT(*),
                         COUNT(DISTINCT team_abbr)
                  FROM {team_defense_zone_analysis}
                  WHERE analysis_date BETWEEN @range_start AND @range_end GROUP BY analysis_date
                )
                SELECT s.game_date, s.scheduled_teams, m.status, l.input_table, l.landed_rows,
                       l.covered
                FROM scheduled AS s
                LEFT JOIN landed AS l ON l.input_date = s.game_date
                LEFT JOIN {backfill_processing_metadata} AS m
                  ON m.analysis_date = s.game_date
                 AND m.analysis_date BETWEEN @range_start AND @range_end
                ORDER BY s.game_date, l.input_table
                """)
            .render();
  }

  /** Every date of {@code range} the schedule has a game on. */
  public Map<LocalDate, Arrival> read(DateRange range) {
    Map<LocalDate, Integer> teams = new TreeMap<>();
    Map<LocalDate, Boolean> complete = new HashMap<>();
    Map<LocalDate, Map<String, Landed>> landed = new HashMap<>();
    for (Row row :
        warehouse.query(
            Sql.of(sql).date("range_start", range.start()).date("range_end", range.end()))) {
      LocalDate date = row.date("game_date");
      teams.put(date, row.int32("scheduled_teams"));
      complete.put(date, CoverageStatus.COMPLETE.name().equals(row.string("status")));
      Map<String, Landed> tables = landed.computeIfAbsent(date, d -> new HashMap<>());
      String table = row.string("input_table");
      if (table != null) {
        tables.put(table, new Landed(row.int64("landed_rows"), row.int64("covered")));
      }
    }
    Map<LocalDate, Arrival> arrivals = new TreeMap<>();
    teams.forEach(
        (date, count) ->
            arrivals.put(date, new Arrival(count, complete.get(date), landed.get(date))));
    return arrivals;
  }
}
