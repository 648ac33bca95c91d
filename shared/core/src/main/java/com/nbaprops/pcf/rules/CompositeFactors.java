package com.nbaprops.pcf.rules;

import java.util.List;

/**
 * The four scores of one player for one game, with the total adjustment, how complete the inputs
 * were, and the context (as JSON) that explains each score. Scores are unrounded; storage rounds
 * them.
 */
public record CompositeFactors(
    FatigueAssessment fatigue,
    double shotZoneScore,
    double paceScore,
    double usageScore,
    double totalAdjustment,
    double completenessPct,
    List<String> missingFields,
    List<String> warnings,
    String fatigueContextJson,
    String shotZoneContextJson,
    String paceContextJson,
    String usageContextJson) {

  public static final String CALCULATION_VERSION = "v1_4factors";

  public CompositeFactors {
    missingFields = List.copyOf(missingFields);
    warnings = List.copyOf(warnings);
  }
}
