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

/**
 * Everything the composite factors of one date are computed from: the players who played, both
 * candidate player contexts (the synthetic one only when it may be chosen), and the shot-zone and
 * zone-defense profiles of the day.
 */
record DateInputs(
    LocalDate date,
    int expectedPlayers,
    List<PlayerContext> upcoming,
    List<PlayerContext> synthetic,
    Map<String, ShotZoneProfile> shotZones,
    Map<String, TeamDefenseProfile> defenses) {

  DateInputs {
    upcoming = List.copyOf(upcoming);
    synthetic = List.copyOf(synthetic);
    shotZones = Map.copyOf(shotZones);
    defenses = Map.copyOf(defenses);
  }

  static DateInputs none(LocalDate date) {
    return new DateInputs(date, 0, List.of(), List.of(), Map.of(), Map.of());
  }

  /** The source the policy picks for these inputs, and the players it brings. */
  record Choice(SourceDecision decision, List<PlayerContext> players) {}

  Choice choose(FallbackPolicy fallback, boolean backfillMode) {
    SourceDecision decision = fallback.decide(upcoming.size(), expectedPlayers, backfillMode);
    return new Choice(decision, decision.source() == DataSource.SYNTHETIC ? synthetic : upcoming);
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
