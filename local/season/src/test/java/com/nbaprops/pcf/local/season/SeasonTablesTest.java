package com.nbaprops.pcf.local.season;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the derived tables against facts of the real 2022-23 season. */
class SeasonTablesTest {
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  private static SeasonTables tables;

  @BeforeAll
  static void load() {
    tables = new SeasonTables(Season.load("2022-23"));
  }

  private static Row upcoming(String player, LocalDate date) {
    return tables.upcomingPlayerGameContext().stream()
        .filter(r -> r.string("player_lookup").equals(player) && r.date("game_date").equals(date))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theIncidentDatesHaveTheirRealPlayerCounts() {
    List<Row> games = tables.playerGameSummary();
    assertThat(games.stream().filter(r -> r.date("game_date").equals(FEB_23)).count())
        .isEqualTo(187);
    assertThat(games.stream().filter(r -> r.date("game_date").equals(FEB_23.plusDays(1))).count())
        .isEqualTo(175);
  }

  @Test
  void gameIdsNameAwayThenHome() {
    Row opener = tables.playerGameSummary().get(0);
    assertThat(opener.date("game_date")).isEqualTo(LocalDate.of(2022, 10, 18));
    assertThat(
            tables.playerGameSummary().stream().map(r -> r.string("game_id")).distinct().toList())
        .contains("20221018_PHI_BOS");
  }

  @Test
  void accentedNamesBecomePlainLookups() {
    assertThat(
            tables.playerGameSummary().stream()
                .map(r -> r.string("player_lookup"))
                .distinct()
                .toList())
        .contains("nikolajokic");
  }

  @Test
  void openingNightHasNoRestOrHistory() {
    Row first = upcoming("alhorford", LocalDate.of(2022, 10, 18));
    assertThat(first.int64("days_rest")).isNull();
    assertThat(first.int64("games_in_last_7_days")).isEqualTo(0);
    assertThat(first.float64("pace_differential")).isNull();
  }

  @Test
  void restCountsFullDaysOffBeforeTheGame() {
    // Boston played on 2022-10-18 and 2022-10-21: two full days off.
    Row second = upcoming("jaysontatum", LocalDate.of(2022, 10, 21));
    assertThat(second.int64("days_rest")).isEqualTo(2);
    assertThat(second.bool("back_to_back")).isFalse();
    assertThat(second.int64("games_in_last_7_days")).isEqualTo(1);
  }

  @Test
  void upcomingContextOnlyUsesGamesBeforeTheDay() {
    for (Row row : tables.upcomingPlayerGameContext()) {
      assertThat(row.int64("games_in_last_7_days")).isAtMost(7L);
      assertThat(row.int64("games_in_last_14_days")).isAtLeast(row.int64("games_in_last_7_days"));
    }
  }

  @Test
  void teamDefenseNeedsFiveGamesOfHistory() {
    assertThat(
            tables.teamDefenseZoneAnalysis().stream()
                .allMatch(r -> r.int64("games_in_sample") >= 5))
        .isTrue();
    assertThat(
            tables.teamDefenseZoneAnalysis().stream()
                .allMatch(
                    r ->
                        r.float64("paint_defense_vs_league_avg") != null
                            && r.float64("mid_range_defense_vs_league_avg") != null
                            && r.float64("three_pt_defense_vs_league_avg") != null
                            && List.of("paint", "mid_range", "perimeter")
                                .contains(r.string("weakest_zone"))))
        .isTrue();
  }
}
