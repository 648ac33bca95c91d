package com.nbaprops.pcf.local.seed;

import com.nbaprops.pcf.domain.Coverage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One player-game's field goals by zone (player_game_shot_zones.csv): the paint (restricted area
 * and the rest of the paint), mid-range (other twos) and three.
 */
record ShotZoneGame(
    String playerId,
    LocalDate date,
    long paintMakes,
    long paintAttempts,
    long midMakes,
    long midAttempts,
    long threeMakes,
    long threeAttempts) {

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
        row.get("PLAYER_ID"),
        LocalDate.parse(row.get("GAME_DATE")),
        Long.parseLong(row.get("PAINT_FGM")),
        Long.parseLong(row.get("PAINT_FGA")),
        Long.parseLong(row.get("MID_FGM")),
        Long.parseLong(row.get("MID_FGA")),
        Long.parseLong(row.get("THREE_FGM")),
        Long.parseLong(row.get("THREE_FGA")));
  }

  long attempts() {
    return paintAttempts + midAttempts + threeAttempts;
  }

  /**
   * The share (%) of his attempts in each zone over his last {@link #WINDOW} games with at least
   * one attempt among {@code before} (his games before the date, oldest first), and the zone with
   * the largest share (ties: paint, then mid-range); empty with no such game.
   */
  static Optional<Profile> profile(List<ShotZoneGame> before) {
    List<ShotZoneGame> shooting = before.stream().filter(g -> g.attempts() > 0).toList();
    List<ShotZoneGame> recent =
        shooting.subList(Math.max(0, shooting.size() - WINDOW), shooting.size());
    long total = recent.stream().mapToLong(ShotZoneGame::attempts).sum();
    if (total == 0) {
      return Optional.empty();
    }
    double paint = 100.0 * recent.stream().mapToLong(ShotZoneGame::paintAttempts).sum() / total;
    double mid = 100.0 * recent.stream().mapToLong(ShotZoneGame::midAttempts).sum() / total;
    double three = 100.0 * recent.stream().mapToLong(ShotZoneGame::threeAttempts).sum() / total;
    String primary =
        paint >= mid && paint >= three ? "paint" : mid >= three ? "mid_range" : "perimeter";
    return Optional.of(
        new Profile(
            Coverage.round(paint, 1),
            Coverage.round(mid, 1),
            Coverage.round(three, 1),
            primary,
            recent.size()));
  }
}
