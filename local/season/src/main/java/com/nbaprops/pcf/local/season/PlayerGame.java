package com.nbaprops.pcf.local.season;

import com.nbaprops.pcf.domain.PlayerLookup;
import java.time.LocalDate;
import java.util.Map;

/** One row of the stats.nba.com player game log. */
record PlayerGame(
    String playerId,
    String name,
    String lookup,
    String team,
    String opponent,
    boolean home,
    LocalDate date,
    boolean win,
    double minutes,
    Long points,
    Long rebounds,
    Long assists,
    Long steals,
    Long blocks,
    Long turnovers,
    Long plusMinus,
    Double fgPct,
    Double threePtPct,
    Double ftPct,
    boolean regularSeason) {

  /** "BOS vs. PHI" is BOS at home against PHI; "PHI @ BOS" is PHI away at BOS. */
  static PlayerGame parse(Map<String, String> row) {
    String team = row.get("TEAM_ABBREVIATION");
    String matchup = row.get("MATCHUP");
    boolean home = matchup.contains(" vs. ");
    String opponent = matchup.substring(matchup.lastIndexOf(' ') + 1);
    return new PlayerGame(
        row.get("PLAYER_ID"),
        row.get("PLAYER_NAME"),
        PlayerLookup.of(row.get("PLAYER_NAME")),
        team,
        opponent,
        home,
        LocalDate.parse(row.get("GAME_DATE")),
        "W".equals(row.get("WL")),
        Double.parseDouble(row.get("MIN")),
        whole(row.get("PTS")),
        whole(row.get("REB")),
        whole(row.get("AST")),
        whole(row.get("STL")),
        whole(row.get("BLK")),
        whole(row.get("TOV")),
        whole(row.get("PLUS_MINUS")),
        decimal(row.get("FG_PCT")),
        decimal(row.get("FG3_PCT")),
        decimal(row.get("FT_PCT")),
        "Regular Season".equals(row.get("SEASON_TYPE")));
  }

  String gameId() {
    return GameIds.of(date, home ? opponent : team, home ? team : opponent);
  }

  static Long whole(String text) {
    return text == null || text.isBlank() ? null : Math.round(Double.parseDouble(text));
  }

  static Double decimal(String text) {
    return text == null || text.isBlank() ? null : Double.parseDouble(text);
  }
}
