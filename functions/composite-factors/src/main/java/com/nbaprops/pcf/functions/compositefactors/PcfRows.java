package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CompositeFactors;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One player_composite_factors row from a player's context and factors. Scores are stored to 1 dp.
 */
final class PcfRows {
  private PcfRows() {}

  static Row row(
      PlayerContext player,
      CompositeFactors factors,
      LocalDate analysisDate,
      DataSource source,
      String runId,
      Instant processedAt) {
    return Row.builder()
        .set("player_lookup", player.playerLookup())
        .set("universal_player_id", player.universalPlayerId())
        .set("game_date", player.gameDate())
        .set("game_id", player.gameId())
        .set("analysis_date", analysisDate)
        .set("fatigue_score", (long) factors.fatigue().score())
        .set("shot_zone_mismatch_score", Coverage.round(factors.shotZoneScore(), 1))
        .set("pace_score", Coverage.round(factors.paceScore(), 1))
        .set("usage_spike_score", Coverage.round(factors.usageScore(), 1))
        .set("referee_favorability_score", 0.0)
        .set("look_ahead_pressure_score", 0.0)
        .set("travel_impact_score", 0.0)
        .set("opponent_strength_score", 0.0)
        .set("total_composite_adjustment", factors.totalAdjustment())
        .set("fatigue_context_json", factors.fatigueContextJson())
        .set("shot_zone_context_json", factors.shotZoneContextJson())
        .set("pace_context_json", factors.paceContextJson())
        .set("usage_context_json", factors.usageContextJson())
        .set("calculation_version", CompositeFactors.CALCULATION_VERSION)
        .set("data_completeness_pct", factors.completenessPct())
        .set(
            "missing_data_fields",
            factors.missingFields().isEmpty() ? null : String.join(",", factors.missingFields()))
        .set("has_warnings", !factors.warnings().isEmpty())
        .set(
            "warning_details",
            factors.warnings().isEmpty() ? null : String.join("; ", factors.warnings()))
        .set("data_source", source.name())
        .set("run_id", runId)
        .set("processed_at", processedAt)
        .build();
  }
}
