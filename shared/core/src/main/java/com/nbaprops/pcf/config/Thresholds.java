package com.nbaprops.pcf.config;

import com.nbaprops.pcf.rules.CoverageGate;

/**
 * The incident's rules as numbers. Percentages are of expected players (distinct players in
 * player_game_summary).
 *
 * @param fallbackPct below this, backfills use the synthetic context
 * @param coverageFailPct below this, coverage validation fails
 * @param coverageWarnPct below this (and at or above the fail line), coverage validation warns
 * @param bootstrapDays the first days of a season that are skipped
 */
public record Thresholds(
    double fallbackPct, double coverageFailPct, double coverageWarnPct, int bootstrapDays) {
  public static final Thresholds DEFAULTS = new Thresholds(90.0, 90.0, 95.0, 14);

  public CoverageGate coverageGate() {
    return new CoverageGate(coverageFailPct, coverageWarnPct);
  }
}
