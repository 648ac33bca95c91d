package com.nbaprops.pcf.rules;

import static com.nbaprops.pcf.rules.Defaults.clamp;
import static java.util.Objects.requireNonNullElse;

import com.nbaprops.pcf.domain.PlayerContext;

/**
 * Usage spike, -3..+3: 0.3 points per point of projected usage over the recent average; a positive
 * spike grows by 15% with one star teammate out and 30% with two or more. Negative spikes are never
 * boosted.
 */
final class UsageSpikeRule {
  private UsageSpikeRule() {}

  public static double score(PlayerContext context) {
    double projected = requireNonNullElse(context.projectedUsageRate(), 25.0);
    double baseline = requireNonNullElse(context.avgUsageRateLast7Games(), 25.0);
    int starsOut = requireNonNullElse(context.starTeammatesOut(), 0);
    if (baseline == 0.0) {
      return 0.0;
    }
    double spike = (projected - baseline) * 0.3;
    if (starsOut > 0 && spike > 0) {
      spike *= starsOut >= 2 ? 1.30 : 1.15;
    }
    return clamp(spike, -3.0, 3.0);
  }
}
