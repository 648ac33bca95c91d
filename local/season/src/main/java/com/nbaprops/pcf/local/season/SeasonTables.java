package com.nbaprops.pcf.local.season;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.ContextDefinitions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives the warehouse's input tables from a season's box scores. The "upcoming" tables are
 * rebuilt as they would have looked the morning of each game: only games before that day count.
 * Usage and shot zones come from the shot-level files; what the data cannot tell (age, the injury
 * report) stays null or has a stand-in, said where it is computed.
 */
final class SeasonTables {
  private static final ZoneId LEAGUE_ZONE = ZoneId.of("America/New_York");

  private final Season season;
  private final Map<String, List<PlayerGame>> gamesByPlayer;
  private final Map<String, List<TeamGame>> gamesByTeam;

  /** League totals of every team game strictly before a date: [pace sum, games]. */
  private final NavigableMap<LocalDate, double[]> leagueBefore = new TreeMap<>();

  private final Map<String, Double> usageRates = new HashMap<>();
  private final UsageContext usage;
  private final Map<String, List<ShotZoneGame>> shotsByPlayer;
  private final Map<String, List<ZoneDefenseGame>> defenseByTeam;

  SeasonTables(Season season) {
    this.season = season;
    List<UsageContext.Rate> rates = new ArrayList<>();
    for (UsageGame game : season.usage()) {
      Double rate = game.usageRate();
      usageRates.put(game.playerId() + "|" + game.date(), rate);
      if (rate != null) {
        rates.add(
            new UsageContext.Rate(game.playerId(), game.team(), game.date(), rate, game.minutes()));
      }
    }
    Map<String, Set<String>> played = new HashMap<>();
    for (PlayerGame game : season.playerGames()) {
      played
          .computeIfAbsent(UsageContext.key(game.team(), game.date()), k -> new HashSet<>())
          .add(game.playerId());
    }
    this.usage = new UsageContext(rates, played);
    this.shotsByPlayer =
        season.shotZones().stream()
            .sorted(Comparator.comparing(ShotZoneGame::date))
            .collect(Collectors.groupingBy(ShotZoneGame::playerId));
    this.defenseByTeam =
        season.zoneDefense().stream()
            .sorted(Comparator.comparing(ZoneDefenseGame::date))
            .collect(Collectors.groupingBy(ZoneDefenseGame::team));
    this.gamesByPlayer =
        season.playerGames().stream().collect(Collectors.groupingBy(PlayerGame::lookup));
    this.gamesByTeam = season.teamGames().stream().collect(Collectors.groupingBy(TeamGame::team));
    double[] running = new double[2];
    Map<LocalDate, List<TeamGame>> byDate =
        season.teamGames().stream()
            .collect(Collectors.groupingBy(TeamGame::date, TreeMap::new, Collectors.toList()));
    for (Map.Entry<LocalDate, List<TeamGame>> day : byDate.entrySet()) {
      leagueBefore.put(day.getKey(), running.clone());
      for (TeamGame game : day.getValue()) {
        running[0] += game.possessions();
        running[1] += 1;
      }
    }
  }

  List<Row> playerGameSummary() {
    return season.playerGames().stream()
        .map(
            g ->
                Row.builder()
                    .set("player_lookup", g.lookup())
                    .set("universal_player_id", g.playerId())
                    .set("player_full_name", g.name())
                    .set("game_id", g.gameId())
                    .set("game_date", g.date())
                    .set("team_abbr", g.team())
                    .set("opponent_team_abbr", g.opponent())
                    .set("season_year", (long) season.seasonYear())
                    .set("minutes_played", g.minutes())
                    .set("points", g.points())
                    .set("rebounds", g.rebounds())
                    .set("assists", g.assists())
                    .set("steals", g.steals())
                    .set("blocks", g.blocks())
                    .set("turnovers", g.turnovers())
                    .set("plus_minus", g.plusMinus())
                    .set("fg_pct", g.fgPct())
                    .set("three_pt_pct", g.threePtPct())
                    .set("ft_pct", g.ftPct())
                    .set("usage_rate", usageRates.get(g.playerId() + "|" + g.date()))
                    .set("home_game", g.home())
                    .set("win_flag", g.win())
                    .set("is_active", true)
                    .build())
        .toList();
  }

  /** The schedule: one row per game, from the home team's side of the team logs. */
  List<Row> schedule() {
    return season.teamGames().stream()
        .filter(TeamGame::home)
        .map(
            g ->
                Row.builder()
                    .set("game_id", g.gameId())
                    .set("game_date", g.date())
                    .set("season_year", (long) season.seasonYear())
                    .set("home_team_abbr", g.team())
                    .set("away_team_abbr", g.opponent())
                    .set("game_status", "FINAL")
                    .build())
        .toList();
  }

  List<Row> teamOffenseGameSummary() {
    return season.teamGames().stream()
        .map(
            g -> {
              double possessions = g.possessions();
              return Row.builder()
                  .set("game_id", g.gameId())
                  .set("nba_game_id", g.nbaGameId())
                  .set("game_date", g.date())
                  .set("team_abbr", g.team())
                  .set("opponent_team_abbr", g.opponent())
                  .set("season_year", (long) season.seasonYear())
                  .set("points_scored", g.points())
                  .set("fg_attempts", g.fgAttempts())
                  .set("fg_makes", g.fgMakes())
                  .set("three_pt_attempts", g.threeAttempts())
                  .set("three_pt_makes", g.threeMakes())
                  .set("ft_attempts", g.ftAttempts())
                  .set("ft_makes", g.ftMakes())
                  .set("offensive_rebounds", g.offensiveRebounds())
                  .set("rebounds", g.rebounds())
                  .set("assists", g.assists())
                  .set("turnovers", g.turnovers())
                  .set("personal_fouls", g.fouls())
                  .set("possessions", Math.round(possessions))
                  .set("pace", Coverage.round(possessions, 1))
                  .set("offensive_rating", Coverage.round(g.points() * 100.0 / possessions, 2))
                  .set("home_game", g.home())
                  .set("win_flag", g.points() > g.opponentPoints())
                  .set("margin_of_victory", g.points() - g.opponentPoints())
                  .build();
            })
        .toList();
  }

  List<Row> upcomingPlayerGameContext() {
    List<Row> rows = new ArrayList<>();
    for (PlayerGame game : season.playerGames()) {
      List<PlayerGame> before =
          before(gamesByPlayer.get(game.lookup()), game.date(), PlayerGame::date);
      PlayerGame last = before.isEmpty() ? null : before.get(before.size() - 1);
      Integer daysRest =
          last == null ? null : (int) ChronoUnit.DAYS.between(last.date(), game.date()) - 1;
      List<PlayerGame> week = within(before, game.date(), 7, PlayerGame::date);
      List<PlayerGame> fortnight = within(before, game.date(), 14, PlayerGame::date);
      double weekMinutes = week.stream().mapToDouble(PlayerGame::minutes).sum();
      Double teamPace = paceLast10(game.team(), game.date());
      Double opponentPace = paceLast10(game.opponent(), game.date());
      Double leaguePace = leaguePaceBefore(game.date());
      Double paceDifferential =
          ContextDefinitions.paceDifferential(teamPace, opponentPace, leaguePace);
      rows.add(
          Row.builder()
              .set("player_lookup", game.lookup())
              .set("universal_player_id", game.playerId())
              .set("game_id", game.gameId())
              .set("game_date", game.date())
              .set("team_abbr", game.team())
              .set("opponent_team_abbr", game.opponent())
              .set("home_game", game.home())
              .set("days_rest", daysRest == null ? null : daysRest.longValue())
              .set("back_to_back", daysRest == null ? null : daysRest == 0)
              .set("games_in_last_7_days", (long) week.size())
              .set("minutes_in_last_7_days", Math.round(weekMinutes))
              .set(
                  "avg_minutes_per_game_last_7",
                  week.isEmpty() ? null : Coverage.round(weekMinutes / week.size(), 1))
              .set("games_in_last_14_days", (long) fortnight.size())
              .set(
                  "minutes_in_last_14_days",
                  Math.round(fortnight.stream().mapToDouble(PlayerGame::minutes).sum()))
              .set("back_to_backs_last_14_days", (long) consecutiveDayPairs(fortnight))
              .set("player_age", null)
              .set(
                  "projected_usage_rate",
                  usage.projected(game.playerId(), game.team(), game.date()))
              .set("avg_usage_rate_last_7_games", usage.averageLast7(game.playerId(), game.date()))
              .set(
                  "star_teammates_out",
                  (long) usage.starTeammatesOut(game.playerId(), game.team(), game.date()))
              .set("pace_differential", paceDifferential)
              .set(
                  "opponent_pace_last_10",
                  opponentPace == null ? null : Coverage.round(opponentPace, 1))
              .set("processed_at", morningOf(game.date()))
              .build());
    }
    return rows;
  }

  List<Row> upcomingTeamGameContext() {
    List<Row> rows = new ArrayList<>();
    for (TeamGame game : season.teamGames()) {
      List<TeamGame> before = before(gamesByTeam.get(game.team()), game.date(), TeamGame::date);
      TeamGame last = before.isEmpty() ? null : before.get(before.size() - 1);
      Long daysSince = last == null ? null : ChronoUnit.DAYS.between(last.date(), game.date());
      Double pace = paceLast10(game.team(), game.date());
      rows.add(
          Row.builder()
              .set("team_abbr", game.team())
              .set("game_id", game.gameId())
              .set("game_date", game.date())
              .set("season_year", (long) season.seasonYear())
              .set("opponent_team_abbr", game.opponent())
              .set("home_game", game.home())
              .set("is_back_to_back", daysSince != null && daysSince == 1)
              .set("days_since_last_game", daysSince)
              .set("game_number_in_season", (long) before.size() + 1)
              .set(
                  "games_in_last_7_days",
                  (long) within(before, game.date(), 7, TeamGame::date).size())
              .set(
                  "games_in_last_14_days",
                  (long) within(before, game.date(), 14, TeamGame::date).size())
              .set("pace_last_10", pace == null ? null : Coverage.round(pace, 1))
              .set("processed_at", morningOf(game.date()))
              .build());
    }
    return rows;
  }

  /** Each player's shot profile the morning of each of his games. */
  List<Row> playerShotZoneAnalysis() {
    List<Row> rows = new ArrayList<>();
    for (PlayerGame game : season.playerGames()) {
      List<ShotZoneGame> before =
          before(
              shotsByPlayer.getOrDefault(game.playerId(), List.of()),
              game.date(),
              ShotZoneGame::date);
      ShotZoneGame.profile(before)
          .ifPresent(
              profile ->
                  rows.add(
                      Row.builder()
                          .set("player_lookup", game.lookup())
                          .set("analysis_date", game.date())
                          .set("primary_scoring_zone", profile.primaryZone())
                          .set("paint_rate_last_10", profile.paintRate())
                          .set("mid_range_rate_last_10", profile.midRangeRate())
                          .set("three_pt_rate_last_10", profile.threeRate())
                          .set("early_season_flag", profile.earlySeason())
                          .build()));
    }
    return rows;
  }

  /**
   * Each team's defense by zone the morning of each of its games: over its last 15 games, what
   * opponents shot in each zone against the league in that zone over the same dates.
   */
  List<Row> teamDefenseZoneAnalysis() {
    List<Row> rows = new ArrayList<>();
    NavigableMap<LocalDate, ZoneShots> league = ZoneDefenseGame.leagueByDate(season.zoneDefense());
    for (TeamGame game : season.teamGames()) {
      List<ZoneDefenseGame> before =
          before(
              defenseByTeam.getOrDefault(game.team(), List.of()),
              game.date(),
              ZoneDefenseGame::date);
      ZoneDefenseGame.profile(before, league)
          .ifPresent(
              profile ->
                  rows.add(
                      Row.builder()
                          .set("team_abbr", game.team())
                          .set("analysis_date", game.date())
                          .set("paint_defense_vs_league_avg", profile.paint())
                          .set("mid_range_defense_vs_league_avg", profile.midRange())
                          .set("three_pt_defense_vs_league_avg", profile.three())
                          .set("weakest_zone", profile.weakestZone())
                          .set("games_in_sample", (long) profile.games())
                          .build()));
    }
    return rows;
  }

  private Double paceLast10(String team, LocalDate date) {
    List<TeamGame> before = before(gamesByTeam.getOrDefault(team, List.of()), date, TeamGame::date);
    if (before.isEmpty()) {
      return null;
    }
    List<TeamGame> recent =
        before.subList(Math.max(0, before.size() - ContextDefinitions.PACE_GAMES), before.size());
    return recent.stream().mapToDouble(TeamGame::possessions).average().orElseThrow();
  }

  /**
   * Average pace of every league game before {@code date} (a game date), or null on opening night.
   */
  private Double leaguePaceBefore(LocalDate date) {
    double[] totals = leagueBefore.get(date);
    return totals == null || totals[1] == 0 ? null : totals[0] / totals[1];
  }

  private static <T> List<T> before(List<T> games, LocalDate date, Function<T, LocalDate> dateOf) {
    List<T> earlier = new ArrayList<>();
    for (T game : games) {
      if (dateOf.apply(game).isBefore(date)) {
        earlier.add(game);
      }
    }
    return earlier;
  }

  private static <T> List<T> within(
      List<T> earlier, LocalDate date, int days, Function<T, LocalDate> dateOf) {
    LocalDate start = date.minusDays(days);
    return earlier.stream().filter(g -> !dateOf.apply(g).isBefore(start)).toList();
  }

  private static int consecutiveDayPairs(List<PlayerGame> games) {
    int pairs = 0;
    for (int i = 1; i < games.size(); i++) {
      if (ChronoUnit.DAYS.between(games.get(i - 1).date(), games.get(i).date()) == 1) {
        pairs++;
      }
    }
    return pairs;
  }

  private static Instant morningOf(LocalDate date) {
    return date.atTime(LocalTime.of(10, 0)).atZone(LEAGUE_ZONE).toInstant();
  }
}
