package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.ContextDefinitions;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Collects one date's rows; the first row of a duplicated player, zone or team wins. */
final class DateRows {
  private final LocalDate date;
  private final int expected;
  private final DateInputs.Stored stored;
  private final Set<String> played = new HashSet<>();
  private final Map<String, PlayerContext> upcoming = new LinkedHashMap<>();
  private final Map<String, PlayerContext> synthetic = new LinkedHashMap<>();
  private final Map<String, ShotZoneProfile> zones = new LinkedHashMap<>();
  private final Map<String, TeamDefenseProfile> defenses = new LinkedHashMap<>();

  DateRows(LocalDate date, int expected, DateInputs.Stored stored) {
    this.date = date;
    this.expected = expected;
    this.stored = stored;
  }

  /** A date's rows, begun with what its first row says of the date as a whole. */
  static DateRows first(LocalDate date, Row row) {
    return new DateRows(
        date,
        row.int32("expected_players"),
        new DateInputs.Stored(
            row.int32("stored_players"),
            row.int32("stored_covered"),
            row.float64("stored_completeness")));
  }

  void add(Row row) {
    String source = row.string("player_source");
    if (source == null) {
      return; // a date with players in the box scores and in neither context
    }
    if (row.string("played_player") != null) {
      played.add(row.string("played_player"));
    }
    if (DataSource.valueOf(source) == DataSource.SYNTHETIC) {
      synthetic.computeIfAbsent(row.string("player_lookup"), player -> synthetic(row));
    } else {
      upcoming.computeIfAbsent(row.string("player_lookup"), player -> upcoming(row));
    }
    addProfiles(row);
  }

  /** The row's shot-zone profile of its player and zone defense of its team, if any. */
  private void addProfiles(Row row) {
    String zonePlayer = row.string("zone_player");
    if (zonePlayer != null) {
      zones.putIfAbsent(
          zonePlayer,
          new ShotZoneProfile(
              zonePlayer,
              row.string("primary_scoring_zone"),
              row.float64("paint_rate_last_10"),
              row.float64("mid_range_rate_last_10"),
              row.float64("three_pt_rate_last_10")));
    }
    String defenseTeam = row.string("defense_team");
    if (defenseTeam != null) {
      defenses.putIfAbsent(
          defenseTeam,
          new TeamDefenseProfile(
              defenseTeam,
              row.float64("paint_defense_vs_league_avg"),
              row.float64("mid_range_defense_vs_league_avg"),
              row.float64("three_pt_defense_vs_league_avg"),
              row.string("weakest_zone")));
    }
  }

  DateInputs inputs() {
    return new DateInputs(
        date,
        expected,
        stored,
        played,
        upcoming.values().stream().toList(),
        synthetic.values().stream().toList(),
        zones,
        defenses);
  }

  private static PlayerContext.Builder identity(Row row) {
    return PlayerContext.builder(
            row.string("player_lookup"), row.string("game_id"), row.date("game_date"))
        .universalPlayerId(row.string("universal_player_id"))
        .teams(row.string("team_abbr"), row.string("opponent_team_abbr"));
  }

  private static PlayerContext upcoming(Row row) {
    return identity(row)
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
  }

  private static PlayerContext synthetic(Row row) {
    boolean backToBack = row.int64("games_previous_day") > 0;
    int games = row.int32("games_in_last_7_days");
    double minutes =
        row.float64("minutes_in_last_7_days") == null ? 0.0 : row.float64("minutes_in_last_7_days");
    int starsOut = row.int32("star_teammates_out");
    Double lastSeven = row.float64("avg_usage_rate_last_7_games");
    Double opponentPace = row.float64("opponent_pace");
    return identity(row)
        .daysRest(backToBack ? 0 : 1)
        .backToBack(backToBack)
        .gamesInLast7Days(games)
        .minutesInLast7Days(Math.floor(minutes))
        .avgMinutesPerGameLast7(games == 0 ? 0.0 : minutes / games)
        .backToBacksLast14Days(0)
        .avgUsageRateLast7Games(lastSeven == null ? null : Coverage.round(lastSeven, 1))
        .projectedUsageRate(
            ContextDefinitions.projectedUsage(row.float64("season_usage"), starsOut))
        .starTeammatesOut(starsOut)
        .paceDifferential(
            ContextDefinitions.paceDifferential(
                row.float64("team_pace"), opponentPace, row.float64("league_pace")))
        .opponentPaceLast10(opponentPace == null ? null : Coverage.round(opponentPace, 1))
        .build();
  }
}
