package com.nbaprops.pcf.rules;

import com.nbaprops.pcf.domain.Coverage;

/**
 * How the upcoming context's usage and pace inputs are defined, as the morning of a game could know
 * them. The seed computes them in Java and the synthetic fallback in SQL; both read these, so a
 * fallback date and a normal one mean the same thing by the same names.
 */
public final class ContextDefinitions {
  /** Pace is a team's mean over its last this many games. */
  public static final int PACE_GAMES = 10;

  /** {@code avg_usage_rate_last_7_games}: the mean of a player's last this many usage rates. */
  public static final int USAGE_RECENT_GAMES = 7;

  /** A team's stars: its top this many by season-to-date usage... */
  public static final int STARS = 3;

  /** ...among players with at least this many games for the team... */
  public static final int STAR_MIN_GAMES = 5;

  /** ...and this many minutes a game: a few garbage-time plays can carry a high usage rate. */
  public static final double STAR_MIN_MINUTES = 20.0;

  /** Usage points a player's projection gains for each star teammate out. */
  public static final double USAGE_PER_STAR_OUT = 2.0;

  /**
   * A team's zone defense is published once it has this many games behind it; before that, its
   * absence is expected.
   */
  public static final int DEFENSE_MIN_GAMES = 5;

  private ContextDefinitions() {}

  /** His season-to-date mean usage, raised for each star teammate out; null without a mean. */
  public static Double projectedUsage(Double seasonMean, int starsOut) {
    return seasonMean == null
        ? null
        : Coverage.round(Coverage.round(seasonMean, 1) + USAGE_PER_STAR_OUT * starsOut, 1);
  }

  /** Both teams' recent pace against the league's so far; null until all three are known. */
  public static Double paceDifferential(Double teamPace, Double opponentPace, Double leaguePace) {
    return teamPace == null || opponentPace == null || leaguePace == null
        ? null
        : Coverage.round((teamPace + opponentPace) / 2 - leaguePace, 1);
  }
}
