package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonParser;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CompositeFactorCalculatorTest {
  private static PlayerContext.Builder player() {
    return PlayerContext.builder("lebronjames", "20230223_LAL_GSW", LocalDate.of(2023, 2, 23))
        .teams("LAL", "GSW");
  }

  @Test
  void totalSumsTheFourAdjustmentsToTwoPlaces() {
    PlayerContext context =
        player()
            .daysRest(1)
            .backToBack(false)
            .paceDifferential(3.5)
            .projectedUsageRate(26.0)
            .avgUsageRateLast7Games(25.0)
            .playerAge(38)
            .build();
    CompositeFactors factors =
        CompositeFactorCalculator.compute(
            context,
            new ShotZoneProfile("lebronjames", "paint", 70.0, null, null),
            new TeamDefenseProfile("GSW", 6.0, null, null, "paint"));
    // fatigue 90 -> -0.5; shot zone 7.2; pace 1.75; usage 0.3
    assertThat(factors.fatigue().score()).isEqualTo(90);
    assertThat(factors.totalAdjustment()).isWithin(1e-9).of(8.75);
    assertThat(factors.completenessPct()).isEqualTo(100.0);
    assertThat(factors.missingFields()).isEmpty();
    assertThat(factors.warnings()).isEmpty();
  }

  @Test
  void completenessCountsTheFiveInputsInOrder() {
    CompositeFactors factors = CompositeFactorCalculator.compute(player().build(), null, null);
    assertThat(factors.completenessPct()).isEqualTo(0.0);
    assertThat(factors.missingFields())
        .containsExactly(
            "days_rest",
            "projected_usage_rate",
            "pace_differential",
            "player_shot_zone",
            "team_defense_zone")
        .inOrder();
    assertThat(
            JsonParser.parseString(factors.shotZoneContextJson())
                .getAsJsonObject()
                .get("missing_data")
                .getAsBoolean())
        .isTrue();
  }

  @Test
  void warningsFireOnExtremes() {
    PlayerContext exhausted =
        player()
            .backToBack(true)
            .gamesInLast7Days(5)
            .minutesInLast7Days(300.0)
            .avgMinutesPerGameLast7(40.0)
            .backToBacksLast14Days(3)
            .playerAge(36)
            .paceDifferential(-10.0)
            .build();
    CompositeFactors factors =
        CompositeFactorCalculator.compute(
            exhausted,
            new ShotZoneProfile("lebronjames", "paint", 80.0, null, null),
            new TeamDefenseProfile("GSW", -9.0, null, null, "mid_range"));
    assertThat(factors.warnings())
        .containsExactly(
            "EXTREME_FATIGUE: Player showing severe fatigue",
            "EXTREME_MATCHUP: Unusual zone mismatch",
            "EXTREME_ADJUSTMENT: Very large composite adjustment")
        .inOrder();
  }

  @Test
  void fatigueContextNamesThePenalties() {
    CompositeFactors factors =
        CompositeFactorCalculator.compute(player().backToBack(true).build(), null, null);
    var context = JsonParser.parseString(factors.fatigueContextJson()).getAsJsonObject();
    assertThat(context.get("penalties_applied").getAsJsonArray().get(0).getAsString())
        .isEqualTo("back_to_back: -15");
    assertThat(context.get("final_score").getAsInt()).isEqualTo(85);
  }
}
