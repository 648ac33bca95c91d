package com.nbaprops.pcf.local.seed;

import com.nbaprops.pcf.domain.Coverage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one team's defense allowed in one game, by zone (team_game_zone_defense.csv): the opponents'
 * makes and attempts in the paint, from mid-range and from three.
 */
record ZoneDefenseGame(
    String team,
    LocalDate date,
    long paintMakes,
    long paintAttempts,
    long midMakes,
    long midAttempts,
    long threeMakes,
    long threeAttempts) {
  /** Zones in the order of the arrays. */
  static final List<String> ZONES = List.of("paint", "mid_range", "perimeter");

  /** A team's defense is judged over this many of its latest games... */
  static final int WINDOW = 15;

  /** ...and not before it has played this many. */
  static final int MIN_GAMES = 5;

  /** Opponent FG% allowed minus the league's, in percentage points per zone (+ = weak). */
  record Profile(double paint, double midRange, double three, String weakestZone, int games) {}

  static ZoneDefenseGame parse(Map<String, String> row) {
    return new ZoneDefenseGame(
        row.get("TEAM"),
        LocalDate.parse(row.get("GAME_DATE")),
        Long.parseLong(row.get("OPP_PAINT_FGM")),
        Long.parseLong(row.get("OPP_PAINT_FGA")),
        Long.parseLong(row.get("OPP_MID_FGM")),
        Long.parseLong(row.get("OPP_MID_FGA")),
        Long.parseLong(row.get("OPP_THREE_FGM")),
        Long.parseLong(row.get("OPP_THREE_FGA")));
  }

  long makes(int zone) {
    return switch (zone) {
      case 0 -> paintMakes;
      case 1 -> midMakes;
      default -> threeMakes;
    };
  }

  long attempts(int zone) {
    return switch (zone) {
      case 0 -> paintAttempts;
      case 1 -> midAttempts;
      default -> threeAttempts;
    };
  }

  /**
   * The team's profile from {@code before} (its games before the date, oldest first): over its last
   * {@link #WINDOW} games, opponent FG% in each zone minus the league's FG% in that zone over
   * {@code league} (every team's games on the same dates). Empty before {@link #MIN_GAMES} games.
   */
  static Optional<Profile> profile(List<ZoneDefenseGame> before, List<ZoneDefenseGame> league) {
    if (before.size() < MIN_GAMES) {
      return Optional.empty();
    }
    List<ZoneDefenseGame> recent =
        before.subList(Math.max(0, before.size() - WINDOW), before.size());
    double[] vsLeague = new double[3];
    int weakest = 0;
    for (int zone = 0; zone < 3; zone++) {
      vsLeague[zone] = Coverage.round((percent(recent, zone) - percent(league, zone)), 2);
      if (vsLeague[zone] > vsLeague[weakest]) {
        weakest = zone;
      }
    }
    return Optional.of(
        new Profile(vsLeague[0], vsLeague[1], vsLeague[2], ZONES.get(weakest), recent.size()));
  }

  private static double percent(List<ZoneDefenseGame> games, int zone) {
    long made = games.stream().mapToLong(g -> g.makes(zone)).sum();
    long attempted = games.stream().mapToLong(g -> g.attempts(zone)).sum();
    return attempted == 0 ? 0.0 : 100.0 * made / attempted;
  }
}
