package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.ContextDefinitions;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind the composite factors of a date. Every statement filters on the partition date.
 */
final class PlayerSources {
  /**
   * The synthetic context looks back this far: the longest window it needs is 7 days, with slack
   * for rest.
   */
  static final int HISTORY_DAYS = 14;

  private final Warehouse warehouse;
  private final String playerGames;
  private final String teamGames;
  private final String upcomingPlayers;
  private final String shotZones;
  private final String teamDefense;

  PlayerSources(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.playerGames = catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY);
    this.teamGames = catalog.qualifiedName(Tables.TEAM_OFFENSE_GAME_SUMMARY);
    this.upcomingPlayers = catalog.qualifiedName(Tables.UPCOMING_PLAYER_GAME_CONTEXT);
    this.shotZones = catalog.qualifiedName(Tables.PLAYER_SHOT_ZONE_ANALYSIS);
    this.teamDefense = catalog.qualifiedName(Tables.TEAM_DEFENSE_ZONE_ANALYSIS);
  }

  /**
   * The upcoming context of the date, one context per player (the first row wins if a player is
   * duplicated).
   */
  List<PlayerContext> upcomingContext(LocalDate date) {
    Sql sql =
        Sql.of(
                """
                SELECT player_lookup, universal_player_id, game_id, game_date, team_abbr, opponent_team_abbr,
                       days_rest, back_to_back, games_in_last_7_days, minutes_in_last_7_days,
                       avg_minutes_per_game_last_7, back_to_backs_last_14_days, player_age, projected_usage_rate,
                       avg_usage_rate_last_7_games, star_teammates_out, pace_differential, opponent_pace_last_10
                FROM %s
                WHERE game_date = @game_date
                ORDER BY player_lookup, game_id
                """
                    .formatted(upcomingPlayers))
            .date("game_date", date);
    Map<String, PlayerContext> byPlayer = new LinkedHashMap<>();
    for (Row row : warehouse.query(sql)) {
      PlayerContext context =
          PlayerContext.builder(
                  row.string("player_lookup"), row.string("game_id"), row.date("game_date"))
              .universalPlayerId(row.string("universal_player_id"))
              .teams(row.string("team_abbr"), row.string("opponent_team_abbr"))
              .daysRest(row.int32("days_rest"))
              .backToBack(row.bool("back_to_back"))
              .gamesInLast7Days(row.int32("games_in_last_7_days"))
              .minutesInLast7Days(row.float64("minutes_in_last_7_days"))
              .avgMinutesPerGameLast7(row.float64("avg_minutes_per_game_last_7"))
              .backToBacksLast14Days(row.int32("back_to_backs_last_14_days"))
              .playerAge(row.int32("player_age"))
              .projectedUsageRate(row.float64("projected_usage_rate"))
              .avgUsageRateLast7Games(row.float64("avg_usage_rate_last_7_games"))
              .starTeammatesOut(row.int32("star_teammates_out"))
              .paceDifferential(row.float64("pace_differential"))
              .opponentPaceLast10(row.float64("opponent_pace_last_10"))
              .build();
      byPlayer.putIfAbsent(context.playerLookup(), context);
    }
    return List.copyOf(byPlayer.values());
  }

  /**
   * A context built from the box scores when the upcoming context cannot be trusted: one row per
   * player who played on the date. Rest and load come from the 14 days before (rest simplified: 0
   * after a game the day before, else 1). Usage and pace are defined as for the upcoming context
   * ({@link ContextDefinitions}), from the season so far; a star teammate is out when he is absent
   * from the date's box scores. Age stays missing: completeness says so.
   */
  List<PlayerContext> syntheticContext(LocalDate date) {
    Sql sql =
        Sql.of(
                """
                WITH today AS (
                  SELECT DISTINCT player_lookup, universal_player_id, game_id, game_date, team_abbr,
                         opponent_team_abbr
                  FROM %1$s
                  WHERE game_date = @game_date
                ),
                history AS (
                  SELECT player_lookup, game_date, minutes_played
                  FROM %1$s
                  WHERE game_date >= @history_start AND game_date < @game_date
                ),
                season AS (
                  SELECT player_lookup, team_abbr, game_date, usage_rate, minutes_played,
                         ROW_NUMBER() OVER (PARTITION BY player_lookup ORDER BY game_date DESC) AS recency
                  FROM %1$s
                  WHERE game_date >= @season_start AND game_date < @game_date AND usage_rate IS NOT NULL
                ),
                usage AS (
                  SELECT player_lookup, AVG(usage_rate) AS season_mean,
                         AVG(CASE WHEN recency <= %3$d THEN usage_rate END) AS last_7
                  FROM season
                  GROUP BY player_lookup
                ),
                ranked AS (
                  SELECT team_abbr, player_lookup,
                         ROW_NUMBER() OVER (PARTITION BY team_abbr
                                            ORDER BY ROUND(AVG(usage_rate), 1) DESC, player_lookup)
                           AS star_rank
                  FROM season
                  GROUP BY team_abbr, player_lookup
                  HAVING COUNT(*) >= %4$d AND AVG(minutes_played) >= %5$s
                ),
                stars_out AS (
                  SELECT s.team_abbr, t.player_lookup, COUNT(*) AS stars_out
                  FROM ranked AS s
                  JOIN today AS t ON t.team_abbr = s.team_abbr AND t.player_lookup <> s.player_lookup
                  WHERE s.star_rank <= %6$d
                    AND NOT EXISTS (SELECT 1 FROM today AS p
                                    WHERE p.team_abbr = s.team_abbr AND p.player_lookup = s.player_lookup)
                  GROUP BY s.team_abbr, t.player_lookup
                ),
                team_games AS (
                  SELECT team_abbr, pace,
                         ROW_NUMBER() OVER (PARTITION BY team_abbr ORDER BY game_date DESC) AS recency
                  FROM %2$s
                  WHERE game_date >= @season_start AND game_date < @game_date AND pace IS NOT NULL
                ),
                team_pace AS (
                  SELECT team_abbr, AVG(pace) AS pace_last_10
                  FROM team_games
                  WHERE recency <= %7$d
                  GROUP BY team_abbr
                ),
                league AS (
                  SELECT AVG(pace) AS league_pace FROM team_games
                )
                SELECT t.player_lookup, t.universal_player_id, t.game_id, t.game_date, t.team_abbr,
                       t.opponent_team_abbr,
                       COUNT(CASE WHEN h.game_date = @previous_day THEN 1 END) AS games_previous_day,
                       COUNT(CASE WHEN h.game_date >= @week_start THEN 1 END) AS games_in_last_7_days,
                       SUM(CASE WHEN h.game_date >= @week_start THEN COALESCE(h.minutes_played, 0) ELSE 0 END)
                         AS minutes_in_last_7_days,
                       MIN(u.last_7) AS avg_usage_rate_last_7_games,
                       MIN(u.season_mean) AS season_usage,
                       MIN(COALESCE(o.stars_out, 0)) AS star_teammates_out,
                       MIN(tp.pace_last_10) AS team_pace,
                       MIN(op.pace_last_10) AS opponent_pace,
                       MIN(l.league_pace) AS league_pace
                FROM today AS t
                CROSS JOIN league AS l
                LEFT JOIN team_pace AS tp ON tp.team_abbr = t.team_abbr
                LEFT JOIN team_pace AS op ON op.team_abbr = t.opponent_team_abbr
                LEFT JOIN history AS h ON h.player_lookup = t.player_lookup
                LEFT JOIN usage AS u ON u.player_lookup = t.player_lookup
                LEFT JOIN stars_out AS o ON o.player_lookup = t.player_lookup AND o.team_abbr = t.team_abbr
                GROUP BY t.player_lookup, t.universal_player_id, t.game_id, t.game_date, t.team_abbr,
                         t.opponent_team_abbr
                ORDER BY t.player_lookup, t.game_id
                """
                    .formatted(
                        playerGames,
                        teamGames,
                        ContextDefinitions.USAGE_RECENT_GAMES,
                        ContextDefinitions.STAR_MIN_GAMES,
                        ContextDefinitions.STAR_MIN_MINUTES,
                        ContextDefinitions.STARS,
                        ContextDefinitions.PACE_GAMES))
            .date("game_date", date)
            .date("history_start", date.minusDays(HISTORY_DAYS))
            .date("season_start", SeasonCalendar.seasonStart(SeasonCalendar.seasonYear(date)))
            .date("week_start", date.minusDays(7))
            .date("previous_day", date.minusDays(1));
    Map<String, PlayerContext> byPlayer = new LinkedHashMap<>();
    for (Row row : warehouse.query(sql)) {
      boolean backToBack = row.int64("games_previous_day") > 0;
      int games = row.int32("games_in_last_7_days");
      double minutes =
          row.float64("minutes_in_last_7_days") == null
              ? 0.0
              : row.float64("minutes_in_last_7_days");
      int starsOut = row.int32("star_teammates_out");
      Double seasonUsage = row.float64("season_usage");
      Double lastSeven = row.float64("avg_usage_rate_last_7_games");
      Double opponentPace = row.float64("opponent_pace");
      PlayerContext context =
          PlayerContext.builder(
                  row.string("player_lookup"), row.string("game_id"), row.date("game_date"))
              .universalPlayerId(row.string("universal_player_id"))
              .teams(row.string("team_abbr"), row.string("opponent_team_abbr"))
              .daysRest(backToBack ? 0 : 1)
              .backToBack(backToBack)
              .gamesInLast7Days(games)
              .minutesInLast7Days(Math.floor(minutes))
              .avgMinutesPerGameLast7(games == 0 ? 0.0 : minutes / games)
              .backToBacksLast14Days(0)
              .avgUsageRateLast7Games(lastSeven == null ? null : Coverage.round(lastSeven, 1))
              .projectedUsageRate(ContextDefinitions.projectedUsage(seasonUsage, starsOut))
              .starTeammatesOut(starsOut)
              .paceDifferential(
                  ContextDefinitions.paceDifferential(
                      row.float64("team_pace"), opponentPace, row.float64("league_pace")))
              .opponentPaceLast10(opponentPace == null ? null : Coverage.round(opponentPace, 1))
              .build();
      byPlayer.putIfAbsent(context.playerLookup(), context);
    }
    return List.copyOf(byPlayer.values());
  }

  Map<String, ShotZoneProfile> shotZones(LocalDate date) {
    Sql sql =
        Sql.of(
                """
                SELECT player_lookup, primary_scoring_zone, paint_rate_last_10, mid_range_rate_last_10,
                       three_pt_rate_last_10
                FROM %s
                WHERE analysis_date = @analysis_date
                """
                    .formatted(shotZones))
            .date("analysis_date", date);
    Map<String, ShotZoneProfile> profiles = new LinkedHashMap<>();
    for (Row row : warehouse.query(sql)) {
      profiles.putIfAbsent(
          row.string("player_lookup"),
          new ShotZoneProfile(
              row.string("player_lookup"),
              row.string("primary_scoring_zone"),
              row.float64("paint_rate_last_10"),
              row.float64("mid_range_rate_last_10"),
              row.float64("three_pt_rate_last_10")));
    }
    return profiles;
  }

  Map<String, TeamDefenseProfile> teamDefense(LocalDate date) {
    Sql sql =
        Sql.of(
                """
                SELECT team_abbr, paint_defense_vs_league_avg, mid_range_defense_vs_league_avg,
                       three_pt_defense_vs_league_avg, weakest_zone
                FROM %s
                WHERE analysis_date = @analysis_date
                """
                    .formatted(teamDefense))
            .date("analysis_date", date);
    Map<String, TeamDefenseProfile> profiles = new LinkedHashMap<>();
    for (Row row : warehouse.query(sql)) {
      profiles.putIfAbsent(
          row.string("team_abbr"),
          new TeamDefenseProfile(
              row.string("team_abbr"),
              row.float64("paint_defense_vs_league_avg"),
              row.float64("mid_range_defense_vs_league_avg"),
              row.float64("three_pt_defense_vs_league_avg"),
              row.string("weakest_zone")));
    }
    return profiles;
  }
}
