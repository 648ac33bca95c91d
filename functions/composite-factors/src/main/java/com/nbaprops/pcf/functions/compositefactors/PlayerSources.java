package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.ContextDefinitions;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.sql.SqlTemplate;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the inputs of the composite factors in one query (one BigQuery job) for the dates of a
 * range: a date's own processing asks for one date, the one-pass benchmark for a whole season.
 * Every window is relative to each row's own date, so both give the same inputs for a date. Every
 * table is filtered on its partition column.
 */
final class PlayerSources {
  /** The synthetic context's longest look-back at minutes played: the fatigue week. */
  static final int LOAD_WINDOW_DAYS = 7;

  private static final String UPCOMING =
      """
      SELECT 'UPCG' AS player_source, player_lookup, universal_player_id, game_id, game_date, team_abbr,
             opponent_team_abbr, days_rest, back_to_back, games_in_last_7_days, minutes_in_last_7_days,
             avg_minutes_per_game_last_7, back_to_backs_last_14_days, player_age, projected_usage_rate,
             avg_usage_rate_last_7_games, star_teammates_out, pace_differential, opponent_pace_last_10,
             NULL AS games_previous_day, NULL AS season_usage, NULL AS team_pace, NULL AS opponent_pace,
             NULL AS league_pace
      FROM {upcoming_context}
      WHERE game_date BETWEEN @start AND @end
      """;

  /**
   * A context built from the box scores when the upcoming context cannot be trusted: one row per
   * player who played on the date. Rest and load come from the week before (rest simplified: 0
   * after a game the day before, else 1). Usage and pace are defined as for the upcoming context
   * ({@link ContextDefinitions}), from the season before the date; a star teammate is out when he
   * is absent from the date's box scores. Age stays missing: completeness says so.
   */
  private static final String SYNTHETIC_WINDOWS =
      """
      upcoming_players AS (
        SELECT game_date, COUNT(DISTINCT player_lookup) AS players
        FROM {upcoming_context}
        WHERE game_date BETWEEN @start AND @end
        GROUP BY game_date
      ),
      candidates AS (
        SELECT t.*
        FROM today AS t
        JOIN expected AS e ON e.game_date = t.game_date
        LEFT JOIN upcoming_players AS u ON u.game_date = t.game_date
        WHERE COALESCE(u.players, 0) < e.expected_players
      ),
      history AS (
        SELECT player_lookup, game_date, minutes_played
        FROM {player_games}
        WHERE game_date >= @history_start AND game_date < @end
      ),
      season AS (
        SELECT player_lookup, team_abbr, game_date, usage_rate, minutes_played
        FROM {player_games}
        WHERE game_date >= @season_start AND game_date < @end AND usage_rate IS NOT NULL
      ),
      usage_history AS (
        SELECT p.player_lookup, p.game_date, s.usage_rate,
               ROW_NUMBER() OVER (PARTITION BY p.player_lookup, p.game_date ORDER BY s.game_date DESC)
                 AS recency
        FROM (SELECT DISTINCT player_lookup, game_date FROM candidates) AS p
        JOIN season AS s ON s.player_lookup = p.player_lookup AND s.game_date < p.game_date
      ),
      usage AS (
        SELECT player_lookup, game_date, AVG(usage_rate) AS season_mean,
               AVG(CASE WHEN recency <= {usage_games} THEN usage_rate END) AS last_7
        FROM usage_history
        GROUP BY player_lookup, game_date
      ),
      ranked AS (
        SELECT d.game_date, s.team_abbr, s.player_lookup,
               ROW_NUMBER() OVER (PARTITION BY d.game_date, s.team_abbr
                                  ORDER BY ROUND(AVG(s.usage_rate), 1) DESC, s.player_lookup) AS star_rank
        FROM (SELECT DISTINCT game_date, team_abbr FROM candidates) AS d
        JOIN season AS s ON s.team_abbr = d.team_abbr AND s.game_date < d.game_date
        GROUP BY d.game_date, s.team_abbr, s.player_lookup
        HAVING COUNT(*) >= {star_games} AND AVG(s.minutes_played) >= {star_minutes}
      ),
      stars_out AS (
        SELECT s.game_date, s.team_abbr, t.player_lookup, COUNT(*) AS stars_out
        FROM ranked AS s
        JOIN candidates AS t
          ON t.game_date = s.game_date AND t.team_abbr = s.team_abbr AND t.player_lookup <> s.player_lookup
        WHERE s.star_rank <= {stars}
          AND NOT EXISTS (SELECT 1 FROM candidates AS p
                          WHERE p.game_date = s.game_date AND p.team_abbr = s.team_abbr
                            AND p.player_lookup = s.player_lookup)
        GROUP BY s.game_date, s.team_abbr, t.player_lookup
      ),
      team_recent AS (
        SELECT d.game_date, g.team_abbr, g.pace,
               ROW_NUMBER() OVER (PARTITION BY d.game_date, g.team_abbr ORDER BY g.game_date DESC) AS recency
        FROM (SELECT DISTINCT game_date FROM candidates) AS d
        JOIN (SELECT team_abbr, game_date, pace
              FROM {team_games}
              WHERE game_date >= @season_start AND game_date < @end AND pace IS NOT NULL) AS g
          ON g.game_date < d.game_date
      ),
      team_pace AS (
        SELECT game_date, team_abbr, AVG(pace) AS pace_last_10
        FROM team_recent
        WHERE recency <= {pace_games}
        GROUP BY game_date, team_abbr
      ),
      league AS (
        SELECT game_date, AVG(pace) AS league_pace FROM team_recent GROUP BY game_date
      ),
      """;

  private static final String SYNTHETIC =
      """
      UNION ALL
      SELECT 'SYNTHETIC' AS player_source, t.player_lookup, t.universal_player_id, t.game_id,
             t.game_date, t.team_abbr, t.opponent_team_abbr, NULL AS days_rest, NULL AS back_to_back,
             COUNT(CASE WHEN DATE_ADD(h.game_date, INTERVAL 7 DAY) >= t.game_date THEN 1 END)
               AS games_in_last_7_days,
             SUM(CASE WHEN DATE_ADD(h.game_date, INTERVAL 7 DAY) >= t.game_date
                      THEN COALESCE(h.minutes_played, 0) ELSE 0 END) AS minutes_in_last_7_days,
             NULL AS avg_minutes_per_game_last_7, NULL AS back_to_backs_last_14_days,
             NULL AS player_age, NULL AS projected_usage_rate,
             MIN(u.last_7) AS avg_usage_rate_last_7_games,
             MIN(COALESCE(o.stars_out, 0)) AS star_teammates_out, NULL AS pace_differential,
             NULL AS opponent_pace_last_10,
             COUNT(CASE WHEN DATE_ADD(h.game_date, INTERVAL 1 DAY) = t.game_date THEN 1 END)
               AS games_previous_day,
             MIN(u.season_mean) AS season_usage, MIN(tp.pace_last_10) AS team_pace,
             MIN(op.pace_last_10) AS opponent_pace, MIN(l.league_pace) AS league_pace
      FROM candidates AS t
      LEFT JOIN league AS l ON l.game_date = t.game_date
      LEFT JOIN team_pace AS tp ON tp.game_date = t.game_date AND tp.team_abbr = t.team_abbr
      LEFT JOIN team_pace AS op ON op.game_date = t.game_date AND op.team_abbr = t.opponent_team_abbr
      LEFT JOIN history AS h
        ON h.player_lookup = t.player_lookup AND h.game_date < t.game_date
       AND DATE_ADD(h.game_date, INTERVAL 7 DAY) >= t.game_date
      LEFT JOIN usage AS u ON u.player_lookup = t.player_lookup AND u.game_date = t.game_date
      LEFT JOIN stars_out AS o
        ON o.game_date = t.game_date AND o.player_lookup = t.player_lookup AND o.team_abbr = t.team_abbr
      GROUP BY t.player_lookup, t.universal_player_id, t.game_id, t.game_date, t.team_abbr,
               t.opponent_team_abbr
      """;

  private static final String QUERY =
      """
      WITH today AS (
        SELECT DISTINCT player_lookup, universal_player_id, game_id, game_date, team_abbr, opponent_team_abbr
        FROM {player_games}
        WHERE game_date BETWEEN @start AND @end
      ),
      expected AS (
        SELECT game_date, COUNT(DISTINCT player_lookup) AS expected_players FROM today GROUP BY game_date
      ),
      {synthetic_windows}players AS (
      {upcoming}{synthetic}),
      played_players AS (SELECT DISTINCT game_date, player_lookup FROM today),
      stored AS (
        SELECT s.game_date, COUNT(DISTINCT s.player_lookup) AS stored_players,
               COUNT(DISTINCT pp.player_lookup) AS stored_covered,
               AVG(s.data_completeness_pct) AS stored_completeness
        FROM {factors} AS s
        LEFT JOIN played_players AS pp ON pp.game_date = s.game_date AND pp.player_lookup = s.player_lookup
        WHERE s.game_date BETWEEN @start AND @end
        GROUP BY s.game_date
      ),
      input_dates AS (
        SELECT DISTINCT game_date
        FROM (SELECT game_date FROM expected UNION ALL SELECT game_date FROM players
              UNION ALL SELECT game_date FROM stored) AS dates
      ),
      zones AS (
        SELECT analysis_date, player_lookup AS zone_player, primary_scoring_zone, paint_rate_last_10,
               mid_range_rate_last_10, three_pt_rate_last_10
        FROM {shot_zones}
        WHERE analysis_date BETWEEN @start AND @end
      ),
      defense AS (
        SELECT analysis_date, team_abbr AS defense_team, paint_defense_vs_league_avg,
               mid_range_defense_vs_league_avg, three_pt_defense_vs_league_avg, weakest_zone
        FROM {team_defense}
        WHERE analysis_date BETWEEN @start AND @end
      )
      SELECT d.game_date AS input_date, COALESCE(e.expected_players, 0) AS expected_players,
             COALESCE(st.stored_players, 0) AS stored_players,
             COALESCE(st.stored_covered, 0) AS stored_covered, st.stored_completeness,
             pp.player_lookup AS played_player, p.player_source, p.player_lookup, p.universal_player_id, p.game_id, p.game_date, p.team_abbr,
             p.opponent_team_abbr, p.days_rest, p.back_to_back, p.games_in_last_7_days,
             p.minutes_in_last_7_days, p.avg_minutes_per_game_last_7, p.back_to_backs_last_14_days,
             p.player_age, p.projected_usage_rate, p.avg_usage_rate_last_7_games, p.star_teammates_out,
             p.pace_differential, p.opponent_pace_last_10, p.games_previous_day, p.season_usage,
             p.team_pace, p.opponent_pace, p.league_pace,
             z.zone_player, z.primary_scoring_zone, z.paint_rate_last_10, z.mid_range_rate_last_10,
             z.three_pt_rate_last_10,
             f.defense_team, f.paint_defense_vs_league_avg, f.mid_range_defense_vs_league_avg,
             f.three_pt_defense_vs_league_avg, f.weakest_zone
      FROM input_dates AS d
      LEFT JOIN expected AS e ON e.game_date = d.game_date
      LEFT JOIN stored AS st ON st.game_date = d.game_date
      LEFT JOIN players AS p ON p.game_date = d.game_date
      LEFT JOIN played_players AS pp ON pp.game_date = p.game_date AND pp.player_lookup = p.player_lookup
      LEFT JOIN zones AS z ON z.analysis_date = d.game_date AND z.zone_player = p.player_lookup
      LEFT JOIN defense AS f ON f.analysis_date = d.game_date AND f.defense_team = p.opponent_team_abbr
      ORDER BY input_date, player_source, player_lookup, game_id
      """;

  private final Warehouse warehouse;
  private final String withSynthetic;
  private final String withoutSynthetic;

  PlayerSources(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    SqlTemplate query = tables(SqlTemplate.of(QUERY).with("upcoming", UPCOMING.indent(2)), catalog);
    this.withoutSynthetic = query.with("synthetic_windows", "").with("synthetic", "").render();
    this.withSynthetic =
        query
            .with("synthetic_windows", SYNTHETIC_WINDOWS)
            .with("synthetic", SYNTHETIC.indent(2))
            .render();
  }

  private static SqlTemplate tables(SqlTemplate sql, Catalog catalog) {
    return sql.with("player_games", catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY))
        .with("team_games", catalog.qualifiedName(Tables.TEAM_OFFENSE_GAME_SUMMARY))
        .with("upcoming_context", catalog.qualifiedName(Tables.UPCOMING_PLAYER_GAME_CONTEXT))
        .with("shot_zones", catalog.qualifiedName(Tables.PLAYER_SHOT_ZONE_ANALYSIS))
        .with("team_defense", catalog.qualifiedName(Tables.TEAM_DEFENSE_ZONE_ANALYSIS))
        .with("factors", catalog.qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS))
        .with("usage_games", ContextDefinitions.USAGE_RECENT_GAMES)
        .with("star_games", ContextDefinitions.STAR_MIN_GAMES)
        .with("star_minutes", String.valueOf(ContextDefinitions.STAR_MIN_MINUTES))
        .with("stars", ContextDefinitions.STARS)
        .with("pace_games", ContextDefinitions.PACE_GAMES);
  }

  /** The inputs of one date. */
  DateInputs read(LocalDate date, boolean withSyntheticContext) {
    return read(new DateRange(date, date), withSyntheticContext)
        .getOrDefault(date, DateInputs.none(date));
  }

  /**
   * The inputs of every date of {@code range} that has players in either context; a date absent
   * from the map has none. The synthetic context, which reads the season so far, is read only when
   * asked for.
   *
   * @throws IllegalArgumentException when the range spans two seasons: the season-to-date windows
   *     start at one opening night
   */
  Map<LocalDate, DateInputs> read(DateRange range, boolean withSyntheticContext) {
    int season = SeasonCalendar.seasonYear(range.start());
    if (SeasonCalendar.seasonYear(range.end()) != season) {
      throw new IllegalArgumentException(
          "the inputs of " + range + " span two seasons: read each season on its own");
    }
    Sql sql =
        Sql.of(withSyntheticContext ? withSynthetic : withoutSynthetic)
            .date("start", range.start())
            .date("end", range.end());
    if (withSyntheticContext) {
      sql =
          sql.date("history_start", range.start().minusDays(LOAD_WINDOW_DAYS))
              .date("season_start", SeasonCalendar.seasonStart(season));
    }
    Map<LocalDate, DateRows> byDate = new TreeMap<>();
    for (Row row : warehouse.query(sql)) {
      byDate.computeIfAbsent(row.date("input_date"), date -> DateRows.first(date, row)).add(row);
    }
    Map<LocalDate, DateInputs> inputs = new TreeMap<>();
    byDate.forEach((date, accumulator) -> inputs.put(date, accumulator.inputs()));
    return inputs;
  }
}
