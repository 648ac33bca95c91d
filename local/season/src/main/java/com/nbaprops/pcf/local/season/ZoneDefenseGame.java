package com.nbaprops.pcf.local.season;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.local.season.ZoneShots.Zone;
import com.nbaprops.pcf.rules.ContextDefinitions;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one team's defense allowed in one game, by zone (team_game_zone_defense.csv): the opponents'
 * makes and attempts.
 */
record ZoneDefenseGame(String team, LocalDate date, ZoneShots allowed) {
  /** A team's defense is judged over this many of its latest games... */
  static final int WINDOW = 15;

  /** ...and not before it has played this many. */
  static final int MIN_GAMES = ContextDefinitions.DEFENSE_MIN_GAMES;

  /** Opponent FG% allowed minus the league's, in percentage points per zone (+ = weak). */
  record Profile(double paint, double midRange, double three, String weakestZone, int games) {}

  static ZoneDefenseGame parse(Map<String, String> row) {
    return new ZoneDefenseGame(
        row.get("TEAM"), LocalDate.parse(row.get("GAME_DATE")), ZoneShots.parse(row, "OPP_"));
  }

  /** Every team's games summed per date, for the league side of {@link #profile}. */
  static NavigableMap<LocalDate, ZoneShots> leagueByDate(List<ZoneDefenseGame> games) {
    NavigableMap<LocalDate, ZoneShots> byDate = new TreeMap<>();
    for (ZoneDefenseGame game : games) {
      byDate.merge(game.date(), game.allowed(), (a, b) -> ZoneShots.sum(List.of(a, b)));
    }
    return byDate;
  }

  /**
   * The team's profile from {@code before} (its games before the date, oldest first): over its last
   * {@link #WINDOW} games, opponent FG% in each zone minus the league's FG% in that zone over the
   * same dates. Empty before {@link #MIN_GAMES} games.
   */
  static Optional<Profile> profile(
      List<ZoneDefenseGame> before, NavigableMap<LocalDate, ZoneShots> leagueByDate) {
    if (before.size() < MIN_GAMES) {
      return Optional.empty();
    }
    List<ZoneDefenseGame> recent =
        before.subList(Math.max(0, before.size() - WINDOW), before.size());
    ZoneShots team = ZoneShots.sum(recent.stream().map(ZoneDefenseGame::allowed).toList());
    ZoneShots league =
        ZoneShots.sum(
            List.copyOf(
                leagueByDate
                    .subMap(recent.get(0).date(), true, recent.get(recent.size() - 1).date(), true)
                    .values()));
    Map<Zone, Double> vsLeague = new EnumMap<>(Zone.class);
    Zone weakest = Zone.PAINT;
    for (Zone zone : Zone.values()) {
      vsLeague.put(zone, Coverage.round(percent(team, zone) - percent(league, zone), 2));
      if (vsLeague.get(zone) > vsLeague.get(weakest)) {
        weakest = zone;
      }
    }
    return Optional.of(
        new Profile(
            vsLeague.get(Zone.PAINT),
            vsLeague.get(Zone.MID_RANGE),
            vsLeague.get(Zone.PERIMETER),
            weakest.tableName(),
            recent.size()));
  }

  private static double percent(ZoneShots shots, Zone zone) {
    long attempted = shots.attempted(zone);
    return attempted == 0 ? 0.0 : 100.0 * shots.made(zone) / attempted;
  }
}
