package com.nbaprops.pcf.rules;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.SourceDecision;

/**
 * Chooses the player source of a date. In backfill mode an empty upcoming context, or one with
 * fewer than {@code thresholdPct} percent of the players who actually played, is replaced by a
 * synthetic context: the incident that wrote 1 of 187 players came from a stale partial context
 * that only an empty-input fallback let through. Exactly the threshold keeps the upcoming context.
 */
public record FallbackPolicy(double thresholdPct) {
  public FallbackPolicy {
    if (!(thresholdPct > 0 && thresholdPct <= 100)) {
      throw new IllegalArgumentException("fallback threshold must be in (0, 100]: " + thresholdPct);
    }
  }

  public SourceDecision decide(int upcgPlayers, int expectedPlayers, boolean backfillMode) {
    String counts =
        String.format(
            "%d/%d = %.1f%%",
            upcgPlayers, expectedPlayers, Coverage.percent(upcgPlayers, expectedPlayers));
    if (!backfillMode) {
      return new SourceDecision(
          DataSource.UPCG,
          upcgPlayers,
          expectedPlayers,
          "production mode uses the upcoming context (" + counts + ")");
    }
    if (upcgPlayers == 0) {
      return new SourceDecision(
          DataSource.SYNTHETIC, 0, expectedPlayers, "upcoming context is empty");
    }
    if (expectedPlayers > 0 && Coverage.below(upcgPlayers, expectedPlayers, thresholdPct)) {
      return new SourceDecision(
          DataSource.SYNTHETIC,
          upcgPlayers,
          expectedPlayers,
          "upcoming context is incomplete (" + counts + ", under " + thresholdPct + "%)");
    }
    return new SourceDecision(
        DataSource.UPCG,
        upcgPlayers,
        expectedPlayers,
        "upcoming context covers the date (" + counts + ")");
  }
}
