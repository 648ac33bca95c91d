package com.nbaprops.pcf.rules;

import static com.nbaprops.pcf.rules.Defaults.clamp;
import static java.util.Objects.requireNonNullElse;

import com.nbaprops.pcf.domain.PlayerContext;

/** Pace, -3..+3: half the expected pace differential; a faster game means more possessions. */
final class PaceRule {
  private PaceRule() {}

  public static double score(PlayerContext context) {
    return clamp(requireNonNullElse(context.paceDifferential(), 0.0) / 2.0, -3.0, 3.0);
  }
}
