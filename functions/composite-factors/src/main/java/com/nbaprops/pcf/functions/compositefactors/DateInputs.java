package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.SourceDecision;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CompositeFactorCalculator;
import com.nbaprops.pcf.rules.FallbackPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the composite factors of one date are computed from: the players who played, both
 * candidate player contexts (the synthetic one only when it may be chosen), and the shot-zone and
 * zone-defense profiles of the day.
 */
record DateInputs(
    LocalDate date,
    int expectedPlayers,
    Stored stored,
    Set<String> played,
    List<PlayerContext> upcoming,
    List<PlayerContext> synthetic,
    Map<String, ShotZoneProfile> shotZones,
    Map<String, TeamDefenseProfile> defenses) {

  /**
   * The date's rows already in player_composite_factors: how many players, how many of them played,
   * and their mean completeness (null when there are none).
   */
  record Stored(int players, int covered, Double completeness) {
    static final Stored NONE = new Stored(0, 0, null);
  }

  DateInputs {
    played = Set.copyOf(played);
    upcoming = List.copyOf(upcoming);
    synthetic = List.copyOf(synthetic);
    shotZones = Map.copyOf(shotZones);
    defenses = Map.copyOf(defenses);
  }

  /** Completeness points a rerun may lose before it counts as hollower: rounding, not inputs. */
  static final double COMPLETENESS_TOLERANCE = 0.5;

  static DateInputs none(LocalDate date) {
    return new DateInputs(date, 0, Stored.NONE, Set.of(), List.of(), List.of(), Map.of(), Map.of());
  }

  /** The source the policy picks for these inputs, and the players it brings. */
  record Choice(SourceDecision decision, List<PlayerContext> players) {}

  Choice choose(FallbackPolicy fallback, boolean backfillMode) {
    SourceDecision decision = fallback.decide(upcoming.size(), expectedPlayers, backfillMode);
    return new Choice(decision, decision.source() == DataSource.SYNTHETIC ? synthetic : upcoming);
  }

  /**
   * Why writing {@code rows} for {@code choice} would leave the date worse than its stored rows:
   * fewer of the players who played (or, with no box scores to tell, fewer players), or the same
   * players from hollower inputs. Empty when it would not.
   */
  Optional<String> worseThanStored(Choice choice, List<Row> rows) {
    if (stored.players() == 0) {
      return Optional.empty();
    }
    long covered = choice.players().stream().filter(p -> played.contains(p.playerLookup())).count();
    boolean fewer =
        expectedPlayers > 0 ? covered < stored.covered() : rows.size() < stored.players();
    if (fewer) {
      return Optional.of(
          String.format(
              "it would replace %d stored players (%d of %d who played) with %d (%d who played)",
              stored.players(), stored.covered(), expectedPlayers, rows.size(), covered));
    }
    boolean more =
        expectedPlayers > 0 ? covered > stored.covered() : rows.size() > stored.players();
    if (more) {
      // Covering more of the players who played is better, even from thinner inputs: the stored
      // 1 of 259 at 100% is not better than 259 of 259 at 99.4%.
      return Optional.empty();
    }
    return hollower(rows);
  }

  /** Why rows covering as many players as the stored ones are still worse: less complete. */
  private Optional<String> hollower(List<Row> rows) {
    double completeness =
        rows.stream().mapToDouble(r -> r.float64("data_completeness_pct")).average().orElse(0);
    if (stored.completeness() != null
        && completeness < stored.completeness() - COMPLETENESS_TOLERANCE) {
      return Optional.of(
          String.format(
              "its rows would be hollower: mean data_completeness_pct %.1f%% against %.1f%% stored",
              completeness, stored.completeness()));
    }
    return Optional.empty();
  }

  /** One player_composite_factors row per chosen player. */
  List<Row> rows(Choice choice, String runId, Instant processedAt) {
    return choice.players().stream()
        .map(
            player ->
                PcfRows.row(
                    player,
                    CompositeFactorCalculator.compute(
                        player,
                        shotZones.get(player.playerLookup()),
                        defenses.get(player.opponentTeamAbbr())),
                    date,
                    choice.decision().source(),
                    runId,
                    processedAt))
        .toList();
  }
}
