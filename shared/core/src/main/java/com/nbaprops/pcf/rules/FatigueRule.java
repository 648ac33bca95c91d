package com.nbaprops.pcf.rules;

import static java.util.Objects.requireNonNullElse;

import com.nbaprops.pcf.domain.PlayerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Fatigue: start fresh at 100, subtract for recent load and age, add for long rest; clamp to
 * 0..100.
 */
final class FatigueRule {
  private FatigueRule() {}

  public static FatigueAssessment assess(PlayerContext context) {
    List<String> penalties = new ArrayList<>();
    List<String> bonuses = new ArrayList<>();
    int score = 100;

    if (requireNonNullElse(context.backToBack(), false)) {
      score -= 15;
      penalties.add("back_to_back: -15");
    } else if (requireNonNullElse(context.daysRest(), 1) >= 3) {
      score += 5;
      bonuses.add("extra_rest: +5");
    }
    if (requireNonNullElse(context.gamesInLast7Days(), 3) >= 4) {
      score -= 10;
      penalties.add("frequent_games: -10");
    }
    if (requireNonNullElse(context.minutesInLast7Days(), 200.0) > 240) {
      score -= 10;
      penalties.add("heavy_minutes: -10");
    }
    if (requireNonNullElse(context.avgMinutesPerGameLast7(), 30.0) > 35) {
      score -= 8;
      penalties.add("high_minutes_per_game: -8");
    }
    int backToBacks = requireNonNullElse(context.backToBacksLast14Days(), 0);
    if (backToBacks >= 2) {
      score -= 12;
      penalties.add("repeated_back_to_backs: -12");
    } else if (backToBacks == 1) {
      score -= 5;
      penalties.add("recent_back_to_back: -5");
    }
    int age = requireNonNullElse(context.playerAge(), 25);
    if (age >= 35) {
      score -= 10;
      penalties.add("veteran_age: -10");
    } else if (age >= 30) {
      score -= 5;
      penalties.add("veteran_age: -5");
    }
    return new FatigueAssessment(Math.max(0, Math.min(100, score)), penalties, bonuses);
  }
}
