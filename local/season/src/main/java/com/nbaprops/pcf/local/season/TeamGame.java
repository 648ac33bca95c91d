package com.nbaprops.pcf.local.season;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One team's side of a game, with the opponent's shooting (what this team's defense allowed). */
record TeamGame(
    String nbaGameId,
    LocalDate date,
    String team,
    String opponent,
    boolean home,
    long points,
    long opponentPoints,
    long fgMakes,
    long fgAttempts,
    long threeMakes,
    long threeAttempts,
    long ftMakes,
    long ftAttempts,
    long offensiveRebounds,
    long rebounds,
    long assists,
    long turnovers,
    long fouls) {

  /** Both sides of one row of the team game log (home and road side by side). */
  static List<TeamGame> parse(Map<String, String> row) {
    LocalDate date = LocalDate.parse(row.get("game_date"));
    return List.of(side(row, date, "home", "road"), side(row, date, "road", "home"));
  }

  private static TeamGame side(Map<String, String> row, LocalDate date, String us, String them) {
    return new TeamGame(
        row.get("game_id"),
        date,
        row.get("team_abbreviation_" + us),
        row.get("team_abbreviation_" + them),
        us.equals("home"),
        n(row, "pts_" + us),
        n(row, "pts_" + them),
        n(row, "fgm_" + us),
        n(row, "fga_" + us),
        n(row, "fg3m_" + us),
        n(row, "fg3a_" + us),
        n(row, "ftm_" + us),
        n(row, "fta_" + us),
        n(row, "oreb_" + us),
        n(row, "reb_" + us),
        n(row, "ast_" + us),
        n(row, "tov_" + us),
        n(row, "pf_" + us));
  }

  private static long n(Map<String, String> row, String column) {
    return Math.round(Double.parseDouble(row.get(column)));
  }

  /** Estimated possessions: FGA + 0.44 FTA - OREB + TOV. */
  double possessions() {
    return fgAttempts + 0.44 * ftAttempts - offensiveRebounds + turnovers;
  }

  String gameId() {
    return GameIds.of(date, home ? opponent : team, home ? team : opponent);
  }
}
