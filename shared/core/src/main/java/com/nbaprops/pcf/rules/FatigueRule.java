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
    score -= recentBackToBacks(context, penalties) + age(context, penalties);
    return new FatigueAssessment(Math.max(0, Math.min(100, score)), penalties, bonuses);
  }

  /** The penalty for back-to-backs in the last 14 days. */
  private static int recentBackToBacks(PlayerContext context, List<String> penalties) {
    int backToBacks = requireNonNullElse(context.backToBacksLast14Days(), 0);
    if (backToBacks >= 2) {
      penalties.add("repeated_back_to_backs: -12");
      return 12;
    }
    if (backToBacks == 1) {
      penalties.add("recent_back_to_back: -5");
      return 5;
    }
    return 0;
  }

  /** The penalty for a veteran's age. */
  private static int age(PlayerContext context, List<String> penalties) {
    int age = requireNonNullElse(context.playerAge(), 25);
    if (age >= 35) {
      penalties.add("veteran_age: -10");
      return 10;
    }
    if (age >= 30) {
      penalties.add("veteran_age: -5");
      return 5;
    }
    return 0;
  }
}
