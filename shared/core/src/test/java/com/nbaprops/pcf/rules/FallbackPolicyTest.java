package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.domain.DataSource;
import org.junit.jupiter.api.Test;

class FallbackPolicyTest {
  private final FallbackPolicy policy = new FallbackPolicy(90.0);

  @Test
  void emptyUpcomingContextFallsBack() {
    assertThat(policy.decide(0, 187, true).source()).isEqualTo(DataSource.SYNTHETIC);
  }

  @Test
  void emptyUpcomingContextFallsBackEvenOnAnOffDay() {
    assertThat(policy.decide(0, 0, true).source()).isEqualTo(DataSource.SYNTHETIC);
  }

  @Test
  void justUnderNinetyPercentFallsBack() {
    assertThat(policy.decide(899, 1000, true).source()).isEqualTo(DataSource.SYNTHETIC);
  }

  @Test
  void exactlyNinetyPercentKeepsTheUpcomingContext() {
    assertThat(policy.decide(900, 1000, true).source()).isEqualTo(DataSource.UPCG);
    assertThat(policy.decide(9, 10, true).source()).isEqualTo(DataSource.UPCG);
  }

  /**
   * composite-factors builds the synthetic context only for dates whose upcoming context has fewer
   * players than played; that is sound only while no threshold falls back from a full context.
   */
  @Test
  void noThresholdFallsBackWhileTheUpcomingContextHasAsManyPlayersAsPlayed() {
    for (double threshold : new double[] {0.5, 50, 90, 99.9, 100}) {
      FallbackPolicy anyPolicy = new FallbackPolicy(threshold);
      for (int expected = 1; expected <= 400; expected++) {
        for (int upcoming = expected; upcoming <= expected + 3; upcoming++) {
          assertThat(anyPolicy.decide(upcoming, expected, true).source())
              .isEqualTo(DataSource.UPCG);
        }
      }
    }
  }

  @Test
  void completeUpcomingContextIsUsed() {
    assertThat(policy.decide(187, 187, true).source()).isEqualTo(DataSource.UPCG);
  }

  @Test
  void theIncidentDatesFallBack() {
    assertThat(policy.decide(1, 187, true).source()).isEqualTo(DataSource.SYNTHETIC);
    assertThat(policy.decide(68, 175, true).source()).isEqualTo(DataSource.SYNTHETIC);
  }

  @Test
  void productionModeNeverFallsBack() {
    assertThat(policy.decide(0, 187, false).source()).isEqualTo(DataSource.UPCG);
    assertThat(policy.decide(1, 187, false).source()).isEqualTo(DataSource.UPCG);
  }

  @Test
  void decisionCarriesBothCountsAndCoverage() {
    var decision = policy.decide(68, 175, true);
    assertThat(decision.upcgPlayers()).isEqualTo(68);
    assertThat(decision.expectedPlayers()).isEqualTo(175);
    assertThat(decision.coveragePct()).isWithin(0.01).of(38.86);
    assertThat(decision.reason()).contains("68/175");
  }
}
