package com.nbaprops.pcf.local.season;

import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/** The regular season's player and team games, read from the sample files packaged with the CLI. */
record Season(
    String name,
    int seasonYear,
    List<PlayerGame> playerGames,
    List<TeamGame> teamGames,
    List<ShotZoneGame> shotZones,
    List<ZoneDefenseGame> zoneDefense,
    List<UsageGame> usage) {
  static final String SEASON_2022_23 = "2022-23";

  static Season load(String name) {
    if (!SEASON_2022_23.equals(name)) {
      throw new IllegalArgumentException(
          "no sample data for season " + name + "; available: " + SEASON_2022_23);
    }
    List<PlayerGame> players =
        read("player_game_logs.csv").stream()
            .map(PlayerGame::parse)
            .filter(PlayerGame::regularSeason)
            .sorted(Comparator.comparing(PlayerGame::date).thenComparing(PlayerGame::lookup))
            .toList();
    List<TeamGame> teams =
        read("team_game_logs.csv").stream()
            .filter(row -> "regular_season".equals(row.get("game_type")))
            .flatMap(row -> TeamGame.parse(row).stream())
            .sorted(Comparator.comparing(TeamGame::date).thenComparing(TeamGame::team))
            .toList();
    return new Season(
        name,
        2022,
        players,
        teams,
        read("player_game_shot_zones.csv").stream().map(ShotZoneGame::parse).toList(),
        read("team_game_zone_defense.csv").stream().map(ZoneDefenseGame::parse).toList(),
        read("player_game_usage_inputs.csv").stream().map(UsageGame::parse).toList());
  }

  private static List<java.util.Map<String, String>> read(String file) {
    String resource = "/data/nba-2022-23/" + file;
    InputStream input = Season.class.getResourceAsStream(resource);
    if (input == null) {
      throw new IllegalStateException("sample data " + resource + " is not on the classpath");
    }
    return Csv.read(input, resource);
  }
}
