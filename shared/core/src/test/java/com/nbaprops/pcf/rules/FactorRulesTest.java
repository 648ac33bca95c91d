package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The worked examples of the original platform's unit tests. */
class FactorRulesTest {
  private static final double EPSILON = 1e-9;

  private static PlayerContext.Builder player() {
    return PlayerContext.builder("nikolajokic", "20230223_DEN_CLE", LocalDate.of(2023, 2, 23));
  }

  private static PlayerContext.Builder tiredVeteran() {
    return player()
        .backToBack(true)
        .daysRest(0)
        .gamesInLast7Days(4)
        .minutesInLast7Days(250.0)
        .avgMinutesPerGameLast7(36.0)
        .backToBacksLast14Days(2)
        .playerAge(35);
  }

  private static ShotZoneProfile paint(double rate) {
    return new ShotZoneProfile("p", "paint", rate, null, null);
  }

  private static TeamDefenseProfile paintDefense(double vsLeague) {
    return new TeamDefenseProfile("CLE", vsLeague, null, null, "paint");
  }

  @Test
  void shotZoneUsesDefenseWhenPlayerLivesInTheZone() {
    assertThat(ShotZoneMismatchRule.score(paint(65), paintDefense(4.3))).isWithin(EPSILON).of(4.3);
    assertThat(ShotZoneMismatchRule.score(paint(65), paintDefense(-3.8)))
        .isWithin(EPSILON)
        .of(-3.8);
  }

  @Test
  void shotZoneAmplifiesLargeMismatches() {
    assertThat(ShotZoneMismatchRule.score(paint(70), paintDefense(6.0))).isWithin(EPSILON).of(7.2);
  }

  @Test
  void shotZoneWeightsByZoneUsage() {
    assertThat(ShotZoneMismatchRule.score(paint(25), paintDefense(4.0))).isWithin(EPSILON).of(2.0);
  }

  @Test
  void shotZonePerimeterReadsThreePointDefense() {
    ShotZoneProfile shooter = new ShotZoneProfile("p", "perimeter", null, null, 65.0);
    TeamDefenseProfile defense = new TeamDefenseProfile("CLE", -9.0, -9.0, 3.5, "perimeter");
    assertThat(ShotZoneMismatchRule.score(shooter, defense)).isWithin(EPSILON).of(3.5);
  }

  @Test
  void shotZoneIsNeutralWithoutBothProfiles() {
    assertThat(ShotZoneMismatchRule.score(null, paintDefense(6.0))).isEqualTo(0.0);
    assertThat(ShotZoneMismatchRule.score(paint(70), null)).isEqualTo(0.0);
  }

  @Test
  void shotZoneIsClampedToTen() {
    assertThat(ShotZoneMismatchRule.score(paint(90), paintDefense(20.0))).isEqualTo(10.0);
  }

  @Test
  void paceIsHalfTheDifferentialClamped() {
    assertThat(PaceRule.score(player().paceDifferential(3.5).build())).isWithin(EPSILON).of(1.75);
    assertThat(PaceRule.score(player().paceDifferential(-4.0).build())).isWithin(EPSILON).of(-2.0);
    assertThat(PaceRule.score(player().paceDifferential(9.0).build())).isEqualTo(3.0);
    assertThat(PaceRule.score(player().build())).isEqualTo(0.0);
  }

  @Test
  void usageSpikeIsPointThreePerPoint() {
    assertThat(
            UsageSpikeRule.score(
                player().projectedUsageRate(26.0).avgUsageRateLast7Games(25.0).build()))
        .isWithin(EPSILON)
        .of(0.3);
    assertThat(
            UsageSpikeRule.score(
                player().projectedUsageRate(20.0).avgUsageRateLast7Games(25.0).build()))
        .isWithin(EPSILON)
        .of(-1.5);
  }

  @Test
  void usageSpikeGrowsWithStarsOut() {
    PlayerContext.Builder spike = player().projectedUsageRate(30.0).avgUsageRateLast7Games(25.0);
    assertThat(UsageSpikeRule.score(spike.starTeammatesOut(1).build())).isWithin(EPSILON).of(1.725);
    assertThat(UsageSpikeRule.score(spike.starTeammatesOut(2).build())).isWithin(EPSILON).of(1.95);
  }

  @Test
  void usageDropIsNeverBoosted() {
    PlayerContext drop =
        player().projectedUsageRate(20.0).avgUsageRateLast7Games(25.0).starTeammatesOut(2).build();
    assertThat(UsageSpikeRule.score(drop)).isWithin(EPSILON).of(-1.5);
  }

  @Test
  void usageWithZeroBaselineIsNeutral() {
    assertThat(
            UsageSpikeRule.score(
                player().projectedUsageRate(30.0).avgUsageRateLast7Games(0.0).build()))
        .isEqualTo(0.0);
  }

  @Test
  void fatigueAdjustmentMapsScoreToPoints() {
    assertThat(new FatigueAssessment(100, java.util.List.of(), java.util.List.of()).adjustment())
        .isEqualTo(0.0);
    assertThat(new FatigueAssessment(80, java.util.List.of(), java.util.List.of()).adjustment())
        .isEqualTo(-1.0);
    assertThat(new FatigueAssessment(50, java.util.List.of(), java.util.List.of()).adjustment())
        .isEqualTo(-2.5);
    assertThat(new FatigueAssessment(0, java.util.List.of(), java.util.List.of()).adjustment())
        .isEqualTo(-5.0);
  }

  @Test
  void fatigueWithDefaultsIsFresh() {
    FatigueAssessment fresh = FatigueRule.assess(player().build());
    assertThat(fresh.score()).isEqualTo(100);
    assertThat(fresh.penaltiesApplied()).isEmpty();
  }

  @Test
  void fatigueAddsEveryPenaltyForATiredVeteran() {
    PlayerContext tired = tiredVeteran().build();
    FatigueAssessment assessment = FatigueRule.assess(tired);
    // 100 - 15 (b2b) - 10 (4 games) - 10 (250 min) - 8 (36 avg) - 12 (2 b2bs) - 10 (age 35) = 35
    assertThat(assessment.score()).isEqualTo(35);
    assertThat(assessment.penaltiesApplied()).hasSize(6);
  }

  @Test
  void fatigueRewardsLongRestButNeverExceedsHundred() {
    FatigueAssessment rested = FatigueRule.assess(player().daysRest(3).backToBack(false).build());
    assertThat(rested.score()).isEqualTo(100);
    assertThat(rested.bonusesApplied()).containsExactly("extra_rest: +5");
    FatigueAssessment restedVeteran =
        FatigueRule.assess(player().daysRest(4).playerAge(31).build());
    assertThat(restedVeteran.score()).isEqualTo(100);
  }
}
