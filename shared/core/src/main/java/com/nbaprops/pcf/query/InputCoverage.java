package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.ContextDefinitions;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.sql.SqlTemplate;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What should exist for each date of a range against what does, per {@link DateInput}. A date's
 * games are the schedule's, those in the box scores, and those the upcoming team context announced
 * (unless the schedule calls them off), so a schedule late for a day cannot pass the day off as an
 * off day while its box scores are late too. Common table expressions that end in {@code
 * input_summary}, one row per date with a game. A query that needs them (the coverage counts of one
 * date, the pre-flight of a range) starts with {@link #with()} and joins {@code input_summary}, so
 * the check costs no extra job. Every table is filtered on its partition column; the season's
 * history is read only for the columns that say who can have a profile.
 */
public final class InputCoverage {
  private static final String CTES =
      """
      schedule AS (
        SELECT game_date, game_id, season_year, home_team_abbr, away_team_abbr
        FROM {schedule}
        WHERE game_date BETWEEN @inputs_start AND @inputs_end
          AND game_status NOT IN ('POSTPONED', 'CANCELLED')
      ),
      box AS (
        SELECT game_date, game_id, player_lookup, season_year, minutes_played, usage_rate
        FROM {player_games}
        WHERE game_date BETWEEN @inputs_start AND @inputs_end
      ),
      box_games AS (SELECT DISTINCT game_date, game_id FROM box),
      called_off AS (
        SELECT game_id
        FROM {schedule}
        WHERE game_date BETWEEN @inputs_start AND @inputs_end
          AND game_status IN ('POSTPONED', 'CANCELLED')
      ),
      announced AS (
        SELECT u.game_date, u.game_id, u.season_year, u.team_abbr
        FROM {upcoming_teams} AS u
        LEFT JOIN called_off AS c ON c.game_id = u.game_id
        WHERE u.game_date BETWEEN @inputs_start AND @inputs_end AND c.game_id IS NULL
      ),
      games AS (
        SELECT DISTINCT game_date, game_id
        FROM (SELECT game_date, game_id FROM schedule
              UNION ALL SELECT game_date, game_id FROM box_games
              UNION ALL SELECT game_date, game_id FROM announced) AS g
      ),
      {box_scores_counts},
      scheduled AS (
        SELECT game_date, COUNT(*) AS scheduled_games FROM schedule GROUP BY game_date
      ),
      teams AS (
        SELECT DISTINCT game_date, season_year, team_abbr
        FROM (SELECT game_date, season_year, home_team_abbr AS team_abbr FROM schedule
              UNION ALL
              SELECT game_date, season_year, away_team_abbr AS team_abbr FROM schedule
              UNION ALL
              SELECT game_date, season_year, team_abbr FROM announced) AS t
      ),
      team_rows AS (
        SELECT DISTINCT game_date, team_abbr
        FROM {team_games}
        WHERE game_date BETWEEN @inputs_start AND @inputs_end
      ),
      {team_box_scores_counts},
      season_team_games AS (
        SELECT game_date, season_year, home_team_abbr AS team_abbr
        FROM {schedule}
        WHERE game_date >= @inputs_season_start AND game_date < @inputs_end
          AND game_status NOT IN ('POSTPONED', 'CANCELLED')
        UNION ALL
        SELECT game_date, season_year, away_team_abbr AS team_abbr
        FROM {schedule}
        WHERE game_date >= @inputs_season_start AND game_date < @inputs_end
          AND game_status NOT IN ('POSTPONED', 'CANCELLED')
      ),
      numbered_team_games AS (
        SELECT season_year, team_abbr, game_date,
               ROW_NUMBER() OVER (PARTITION BY season_year, team_abbr ORDER BY game_date) AS game_number
        FROM season_team_games
      ),
      seasoned_since AS (
        SELECT season_year, team_abbr, game_date AS seasoned_after
        FROM numbered_team_games
        WHERE game_number = {defense_min_games}
      ),
      seasoned_teams AS (
        SELECT t.game_date, t.team_abbr
        FROM teams AS t
        JOIN seasoned_since AS s
          ON s.team_abbr = t.team_abbr AND s.season_year = t.season_year
         AND s.seasoned_after < t.game_date
      ),
      defense_rows AS (
        SELECT DISTINCT analysis_date, team_abbr
        FROM {team_defense}
        WHERE analysis_date BETWEEN @inputs_start AND @inputs_end
      ),
      {zone_defense_counts},
      box_players AS (
        SELECT game_date, player_lookup, MIN(season_year) AS season_year,
               MAX(minutes_played) AS minutes_played, MAX(usage_rate) AS usage_rate
        FROM box
        GROUP BY game_date, player_lookup
      ),
      usage_counts AS (
        SELECT game_date, COUNT(*) AS usage_expected, COUNT(usage_rate) AS usage_present,
               STRING_AGG(CASE WHEN usage_rate IS NULL THEN player_lookup END, ' ' ORDER BY player_lookup)
                 AS usage_missing
        FROM box_players
        WHERE minutes_played > 0
        GROUP BY game_date
      ),
      first_shots AS (
        SELECT player_lookup, season_year, MIN(game_date) AS first_shot
        FROM {player_games}
        WHERE game_date >= @inputs_season_start AND game_date < @inputs_end
          AND fg_pct IS NOT NULL
        GROUP BY player_lookup, season_year
      ),
      shooters AS (
        SELECT p.game_date, p.player_lookup
        FROM box_players AS p
        JOIN first_shots AS f
          ON f.player_lookup = p.player_lookup AND f.season_year = p.season_year
         AND f.first_shot < p.game_date
      ),
      zone_rows AS (
        SELECT DISTINCT analysis_date, player_lookup
        FROM {shot_zones}
        WHERE analysis_date BETWEEN @inputs_start AND @inputs_end
      ),
      zone_counts AS (
        SELECT p.game_date, COUNT(s.player_lookup) AS shot_zones_expected,
               COUNT(CASE WHEN s.player_lookup IS NOT NULL AND z.player_lookup IS NOT NULL THEN 1 END)
                 AS shot_zones_present,
               COUNT(*) - COUNT(s.player_lookup) AS shot_zones_without_history,
               STRING_AGG(CASE WHEN s.player_lookup IS NOT NULL AND z.player_lookup IS NULL
                               THEN p.player_lookup END, ' ' ORDER BY p.player_lookup)
                 AS shot_zones_missing
        FROM box_players AS p
        LEFT JOIN shooters AS s ON s.game_date = p.game_date AND s.player_lookup = p.player_lookup
        LEFT JOIN zone_rows AS z ON z.analysis_date = p.game_date AND z.player_lookup = p.player_lookup
        GROUP BY p.game_date
      ),
      factor_rows AS (
        SELECT game_date, COUNT(*) AS factor_rows, AVG(data_completeness_pct) AS factor_completeness,
               STRING_AGG(DISTINCT missing_data_fields, '; ' ORDER BY missing_data_fields)
                 AS factor_completeness_missing
        FROM {factors}
        WHERE game_date BETWEEN @inputs_start AND @inputs_end
        GROUP BY game_date
      ),
      input_summary AS (
        SELECT g.game_date AS input_date, COALESCE(s.scheduled_games, 0) AS scheduled_games,
               g.box_scores_expected, g.box_scores_present, g.box_scores_missing,
               COALESCE(t.team_box_scores_expected, 0) AS team_box_scores_expected,
               COALESCE(t.team_box_scores_present, 0) AS team_box_scores_present,
               t.team_box_scores_missing,
               COALESCE(z.shot_zones_expected, 0) AS shot_zones_expected,
               COALESCE(z.shot_zones_present, 0) AS shot_zones_present,
               z.shot_zones_missing, COALESCE(z.shot_zones_without_history, 0) AS shot_zones_without_history,
               COALESCE(d.zone_defense_expected, 0) AS zone_defense_expected,
               COALESCE(d.zone_defense_present, 0) AS zone_defense_present,
               d.zone_defense_missing,
               COALESCE(u.usage_expected, 0) AS usage_expected,
               COALESCE(u.usage_present, 0) AS usage_present,
               u.usage_missing,
               COALESCE(f.factor_rows, 0) AS factor_rows, f.factor_completeness,
               f.factor_completeness_missing
        FROM box_scores_counts AS g
        LEFT JOIN scheduled AS s ON s.game_date = g.game_date
        LEFT JOIN team_box_scores_counts AS t ON t.game_date = g.game_date
        LEFT JOIN zone_counts AS z ON z.game_date = g.game_date
        LEFT JOIN zone_defense_counts AS d ON d.game_date = g.game_date
        LEFT JOIN usage_counts AS u ON u.game_date = g.game_date
        LEFT JOIN factor_rows AS f ON f.game_date = g.game_date
      )""";

  /**
   * {@code <input>_counts}: per date, the keys of {@code expected} ({@code game_date}, {@code
   * key}), how many {@code present} ({@code dateColumn}, {@code key}) has, and the ones it lacks.
   */
  private static String presence(
      DateInput input, String expected, String present, String dateColumn, String key) {
    return SqlTemplate.of(
            """
            {input}_counts AS (
              SELECT e.game_date, COUNT(*) AS {input}_expected, COUNT(p.{key}) AS {input}_present,
                     STRING_AGG(CASE WHEN p.{key} IS NULL THEN e.{key} END, ' ' ORDER BY e.{key})
                       AS {input}_missing
              FROM {expected} AS e
              LEFT JOIN {present} AS p ON p.{date_column} = e.game_date AND p.{key} = e.{key}
              GROUP BY e.game_date
            )""")
        .with("input", input.id())
        .with("expected", expected)
        .with("present", present)
        .with("key", key)
        .with("date_column", dateColumn)
        .render()
        .strip();
  }

  private final String ctes;

  public InputCoverage(Catalog catalog) {
    this.ctes =
        SqlTemplate.of(CTES)
            .with("upcoming_teams", catalog.qualifiedName(Tables.UPCOMING_TEAM_GAME_CONTEXT))
            .with(
                "box_scores_counts",
                presence(DateInput.BOX_SCORES, "games", "box_games", "game_date", "game_id"))
            .with(
                "team_box_scores_counts",
                presence(DateInput.TEAM_BOX_SCORES, "teams", "team_rows", "game_date", "team_abbr"))
            .with(
                "zone_defense_counts",
                presence(
                    DateInput.ZONE_DEFENSE,
                    "seasoned_teams",
                    "defense_rows",
                    "analysis_date",
                    "team_abbr"))
            .with("schedule", catalog.qualifiedName(Tables.NBA_SCHEDULE))
            .with("player_games", catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY))
            .with("team_games", catalog.qualifiedName(Tables.TEAM_OFFENSE_GAME_SUMMARY))
            .with("team_defense", catalog.qualifiedName(Tables.TEAM_DEFENSE_ZONE_ANALYSIS))
            .with("shot_zones", catalog.qualifiedName(Tables.PLAYER_SHOT_ZONE_ANALYSIS))
            .with("factors", catalog.qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS))
            .with("defense_min_games", ContextDefinitions.DEFENSE_MIN_GAMES)
            .render();
  }

  /**
   * {@code WITH} and the expressions, ending in {@code input_summary}; a query goes on with ", ".
   */
  public String with() {
    return "WITH " + ctes;
  }

  /** Binds the range's parameters, and the start of its first season for the history windows. */
  public static Sql bind(Sql sql, DateRange range) {
    return sql.date("inputs_start", range.start())
        .date("inputs_end", range.end())
        .date(
            "inputs_season_start",
            SeasonCalendar.seasonStart(SeasonCalendar.seasonYear(range.start())));
  }

  /**
   * One date's counts from a row that joined {@code input_summary}; a row where it matched nothing
   * (no game scheduled and no box score) is a day with nothing to expect.
   */
  public static DateInputCounts read(LocalDate date, Row row) {
    if (row.get("input_date") == null) {
      return DateInputCounts.nothingExpected(date);
    }
    Map<DateInput, DateInputCounts.Count> counts = new EnumMap<>(DateInput.class);
    for (DateInput input : DateInput.values()) {
      counts.put(
          input, input == DateInput.FACTOR_COMPLETENESS ? completeness(row) : count(input, row));
    }
    return new DateInputCounts(date, row.int64("scheduled_games"), counts);
  }

  /** The rows written and their mean completeness (100 with none). */
  private static DateInputCounts.Count completeness(Row row) {
    long rows = row.int64("factor_rows");
    Double mean = row.float64("factor_completeness");
    return new DateInputCounts.Count(
        DateInput.FACTOR_COMPLETENESS,
        rows,
        rows,
        mean == null ? 100.0 : mean,
        safe(row.string("factor_completeness_missing")),
        0);
  }

  /** An upstream input's expected and present keys. */
  private static DateInputCounts.Count count(DateInput input, Row row) {
    long expected = row.int64(input.id() + "_expected");
    long present = row.int64(input.id() + "_present");
    return new DateInputCounts.Count(
        input,
        expected,
        present,
        expected == 0 ? 100.0 : present * 100.0 / expected,
        safe(row.string(input.id() + "_missing")),
        input == DateInput.SHOT_ZONES ? row.int64("shot_zones_without_history") : 0);
  }

  /**
   * Keys come from the data (player names, game ids): escaped here, once, they cannot drive a
   * terminal or forge a log line wherever a reason quotes them.
   */
  private static String safe(String keys) {
    return keys == null ? null : StructuredLog.escape(keys);
  }
}
