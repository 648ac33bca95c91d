package com.nbaprops.pcf.rules;

import java.util.List;

/** A fatigue score from 0 (exhausted) to 100 (fresh) and the penalties and bonuses that made it. */
public record FatigueAssessment(
    int score, List<String> penaltiesApplied, List<String> bonusesApplied) {
  public FatigueAssessment {
    penaltiesApplied = List.copyOf(penaltiesApplied);
    bonusesApplied = List.copyOf(bonusesApplied);
  }

  /** The score as an adjustment in points: 100 gives 0, 80 gives -1, 0 gives -5. */
  public double adjustment() {
    return (score - 100) / 20.0;
  }
}
