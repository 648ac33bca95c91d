package com.nbaprops.pcf.local.season;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.local.season.ZoneShots.Zone;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One player-game's field goals by zone (player_game_shot_zones.csv). */
record ShotZoneGame(String playerId, LocalDate date, ZoneShots shots) {

  /** Shares computed over this many of a player's latest games with an attempt. */
  static final int WINDOW = 10;

  /** Fewer such games than this and the profile is flagged early-season. */
  static final int MIN_GAMES = 5;

  /** A player's shot profile the morning of a game. */
  record Profile(
      double paintRate, double midRangeRate, double threeRate, String primaryZone, int games) {
    boolean earlySeason() {
      return games < MIN_GAMES;
    }
  }

  static ShotZoneGame parse(Map<String, String> row) {
    return new ShotZoneGame(
        row.get("PLAYER_ID"), LocalDate.parse(row.get("GAME_DATE")), ZoneShots.parse(row, ""));
  }

  /**
   * The share (%) of his attempts in each zone over his last {@link #WINDOW} games with at least
   * one attempt among {@code before} (his games before the date, oldest first), and the zone with
   * the largest share (ties: paint, then mid-range); empty with no such game.
   */
  static Optional<Profile> profile(List<ShotZoneGame> before) {
    List<ZoneShots> shooting =
        before.stream().map(ShotZoneGame::shots).filter(s -> s.attempts() > 0).toList();
    List<ZoneShots> recent =
        shooting.subList(Math.max(0, shooting.size() - WINDOW), shooting.size());
    ZoneShots total = ZoneShots.sum(recent);
    if (total.attempts() == 0) {
      return Optional.empty();
    }
    Zone primary = Zone.PAINT;
    for (Zone zone : Zone.values()) {
      if (total.attempted(zone) > total.attempted(primary)) {
        primary = zone;
      }
    }
    return Optional.of(
        new Profile(
            share(total, Zone.PAINT),
            share(total, Zone.MID_RANGE),
            share(total, Zone.PERIMETER),
            primary.tableName(),
            recent.size()));
  }

  private static double share(ZoneShots total, Zone zone) {
    return Coverage.round(100.0 * total.attempted(zone) / total.attempts(), 1);
  }
}
