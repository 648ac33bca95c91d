package com.nbaprops.pcf.functions.compositefactors;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.FallbackPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which source a date's inputs choose, and when a rerun would leave the date worse. */
class DateInputsTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  private static final FallbackPolicy FALLBACK = new FallbackPolicy(90.0);

  private static List<PlayerContext> players(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> PlayerContext.builder("p" + i, "g1", DAY).build())
        .toList();
  }

  private static Set<String> played(int count) {
    return Set.copyOf(players(count).stream().map(PlayerContext::playerLookup).toList());
  }

  private static DateInputs inputs(int upcoming, DateInputs.Stored stored) {
    return new DateInputs(
        DAY, 187, stored, played(187), players(upcoming), players(187), Map.of(), Map.of());
  }

  private static List<Row> rows(int count, double completeness) {
    return IntStream.range(0, count)
        .mapToObj(i -> Row.builder().set("data_completeness_pct", completeness).build())
        .toList();
  }

  @Test
  void aPartialUpcomingContextFallsBackToTheSyntheticOneInBackfillMode() {
    DateInputs.Choice choice = inputs(1, DateInputs.Stored.NONE).choose(FALLBACK, true);

    assertThat(choice.decision().source()).isEqualTo(DataSource.SYNTHETIC);
    assertThat(choice.players()).hasSize(187);
  }

  @Test
  void productionModeKeepsTheUpcomingContextHoweverPartial() {
    DateInputs.Choice choice = inputs(1, DateInputs.Stored.NONE).choose(FALLBACK, false);

    assertThat(choice.players()).hasSize(1);
  }

  @Test
  void aRerunCoveringFewerPlayersWhoPlayedIsWorse() {
    DateInputs inputs = inputs(1, new DateInputs.Stored(187, 187, 99.0));
    DateInputs.Choice choice = inputs.choose(FALLBACK, false);

    assertThat(inputs.worseThanStored(choice, rows(1, 100.0)))
        .hasValue(
            "it would replace 187 stored players (187 of 187 who played) with 1 (1 who played)");
  }

  @Test
  void aRerunCoveringMorePlayersIsBetterEvenFromThinnerInputs() {
    DateInputs inputs = inputs(187, new DateInputs.Stored(1, 1, 100.0));
    DateInputs.Choice choice = inputs.choose(FALLBACK, false);

    assertThat(inputs.worseThanStored(choice, rows(187, 90.0))).isEmpty();
  }

  @Test
  void theSamePlayersFromHollowerInputsAreWorse() {
    DateInputs inputs = inputs(187, new DateInputs.Stored(187, 187, 99.0));
    DateInputs.Choice choice = inputs.choose(FALLBACK, false);

    assertThat(inputs.worseThanStored(choice, rows(187, 98.6))).isEmpty();
    assertThat(inputs.worseThanStored(choice, rows(187, 80.0)).orElseThrow())
        .contains("hollower: mean data_completeness_pct 80.0% against 99.0% stored");
  }

  @Test
  void aDateWithNothingStoredCannotBeMadeWorse() {
    DateInputs inputs = inputs(1, DateInputs.Stored.NONE);

    assertThat(inputs.worseThanStored(inputs.choose(FALLBACK, false), rows(1, 0.0))).isEmpty();
  }
}
