package com.nbaprops.pcf.local.season;

import com.nbaprops.pcf.domain.Coverage;
import java.time.LocalDate;
import java.util.Map;

/**
 * One player-game's usage inputs (player_game_usage_inputs.csv): his minutes, field-goal and
 * free-throw attempts and turnovers, and his team's.
 */
record UsageGame(
    String playerId,
    LocalDate date,
    String team,
    double minutes,
    long fga,
    long fta,
    long turnovers,
    double teamMinutes,
    long teamFga,
    long teamFta,
    long teamTurnovers) {

  static UsageGame parse(Map<String, String> row) {
    return new UsageGame(
        row.get("PLAYER_ID"),
        LocalDate.parse(row.get("GAME_DATE")),
        row.get("TEAM"),
        Double.parseDouble(row.get("MIN")),
        Long.parseLong(row.get("FGA")),
        Long.parseLong(row.get("FTA")),
        Long.parseLong(row.get("TOV")),
        Double.parseDouble(row.get("TEAM_MIN")),
        Long.parseLong(row.get("TEAM_FGA")),
        Long.parseLong(row.get("TEAM_FTA")),
        Long.parseLong(row.get("TEAM_TOV")));
  }

  /**
   * The standard usage rate, the share of the team's plays a player used while on the floor: 100 ×
   * (FGA + 0.44·FTA + TOV) × (team minutes / 5) / (minutes × (team FGA + 0.44·team FTA + team
   * TOV)), to one decimal. Team minutes / 5 is 48 in regulation and grows by 5 per overtime. Null
   * when he did not play a minute or his team used no plays.
   */
  Double usageRate() {
    double teamPlays = teamFga + 0.44 * teamFta + teamTurnovers;
    if (minutes <= 0 || teamPlays <= 0) {
      return null;
    }
    double plays = fga + 0.44 * fta + turnovers;
    return Coverage.round(100.0 * plays * (teamMinutes / 5.0) / (minutes * teamPlays), 1);
  }
}
