package com.nbaprops.pcf.rules;

import static java.util.Objects.requireNonNullElse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Combines the four rules into one player's composite factors. Pure: same inputs, same output. */
public final class CompositeFactorCalculator {
  private static final Gson JSON = new GsonBuilder().serializeNulls().create();
  private static final double LEAGUE_AVERAGE_PACE = 100.0;

  private CompositeFactorCalculator() {}

  /**
   * The four factors of one player-game.
   *
   * @param shotZone the player's shot-zone profile, or null when missing
   * @param opponentDefense the opponent's zone defense, or null when missing
   */
  public static CompositeFactors compute(
      PlayerContext context, ShotZoneProfile shotZone, TeamDefenseProfile opponentDefense) {
    FatigueAssessment fatigue = FatigueRule.assess(context);
    double shotZoneScore = ShotZoneMismatchRule.score(shotZone, opponentDefense);
    double paceScore = PaceRule.score(context);
    double usageScore = UsageSpikeRule.score(context);
    double total = Coverage.round(fatigue.adjustment() + shotZoneScore + paceScore + usageScore, 2);

    List<String> missing = new ArrayList<>();
    if (context.daysRest() == null) {
      missing.add("days_rest");
    }
    if (context.projectedUsageRate() == null) {
      missing.add("projected_usage_rate");
    }
    if (context.paceDifferential() == null) {
      missing.add("pace_differential");
    }
    if (shotZone == null) {
      missing.add("player_shot_zone");
    }
    if (opponentDefense == null) {
      missing.add("team_defense_zone");
    }
    double completeness = Coverage.round(20.0 * (5 - missing.size()), 1);

    List<String> warnings = new ArrayList<>();
    if (fatigue.score() < 50) {
      warnings.add("EXTREME_FATIGUE: Player showing severe fatigue");
    }
    if (Math.abs(shotZoneScore) > 8) {
      warnings.add("EXTREME_MATCHUP: Unusual zone mismatch");
    }
    if (Math.abs(total) > 12) {
      warnings.add("EXTREME_ADJUSTMENT: Very large composite adjustment");
    }

    return new CompositeFactors(
        fatigue,
        shotZoneScore,
        paceScore,
        usageScore,
        total,
        completeness,
        missing,
        warnings,
        fatigueContext(context, fatigue),
        shotZoneContext(shotZone, opponentDefense, shotZoneScore),
        paceContext(context, paceScore),
        usageContext(context, usageScore));
  }

  private static String fatigueContext(PlayerContext c, FatigueAssessment fatigue) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("days_rest", c.daysRest());
    json.put("back_to_back", c.backToBack());
    json.put("games_last_7", c.gamesInLast7Days());
    json.put("minutes_last_7", c.minutesInLast7Days());
    json.put("avg_minutes_pg_last_7", c.avgMinutesPerGameLast7());
    json.put("back_to_backs_last_14", c.backToBacksLast14Days());
    json.put("player_age", c.playerAge());
    json.put("penalties_applied", fatigue.penaltiesApplied());
    json.put("bonuses_applied", fatigue.bonusesApplied());
    json.put("final_score", fatigue.score());
    return JSON.toJson(json);
  }

  private static String shotZoneContext(
      ShotZoneProfile player, TeamDefenseProfile opponent, double score) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (player == null || opponent == null) {
      json.put("missing_data", true);
      return JSON.toJson(json);
    }
    ShotZoneMismatchRule.Zone zone = ShotZoneMismatchRule.Zone.parse(player.primaryScoringZone());
    json.put("player_primary_zone", zone.name().toLowerCase(java.util.Locale.ROOT));
    json.put("primary_zone_frequency", ShotZoneMismatchRule.usage(player, zone));
    json.put("opponent_weak_zone", opponent.weakestZone());
    json.put("opponent_defense_vs_league", ShotZoneMismatchRule.defense(opponent, zone));
    json.put("mismatch_type", score > 2 ? "favorable" : score < -2 ? "unfavorable" : "neutral");
    json.put("final_score", Coverage.round(score, 1));
    return JSON.toJson(json);
  }

  private static String paceContext(PlayerContext c, double score) {
    double differential = requireNonNullElse(c.paceDifferential(), 0.0);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pace_differential", c.paceDifferential());
    json.put(
        "opponent_pace_last_10", requireNonNullElse(c.opponentPaceLast10(), LEAGUE_AVERAGE_PACE));
    json.put("league_avg_pace", LEAGUE_AVERAGE_PACE);
    json.put("pace_environment", differential > 2 ? "fast" : differential < -2 ? "slow" : "normal");
    json.put("final_score", Coverage.round(score, 1));
    return JSON.toJson(json);
  }

  private static String usageContext(PlayerContext c, double score) {
    double differential =
        requireNonNullElse(c.projectedUsageRate(), 25.0)
            - requireNonNullElse(c.avgUsageRateLast7Games(), 25.0);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("projected_usage_rate", c.projectedUsageRate());
    json.put("avg_usage_last_7", c.avgUsageRateLast7Games());
    json.put("usage_differential", Coverage.round(differential, 2));
    json.put("star_teammates_out", c.starTeammatesOut());
    json.put("usage_trend", differential > 2 ? "spike" : differential < -2 ? "drop" : "stable");
    json.put("final_score", Coverage.round(score, 1));
    return JSON.toJson(json);
  }
}
