package com.nbaprops.pcf.functions.metadatatracking;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import com.nbaprops.pcf.testing.GoldenEvents;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freshness check at the fixture's clock, 2023-03-10 12:00 in New York: a game day's morning
 * inputs were due at 10:00, the night before's box scores at 02:00.
 */
class InputFreshnessTest {
  private static final LocalDate TODAY = LocalDate.of(2023, 3, 10);
  private static final LocalDate YESTERDAY = TODAY.minusDays(1);
  @TempDir Path blobs;

  /** The game day's morning inputs, both teams covered, but for {@code missing}. */
  private static void morningInputs(
      RuntimeFixture fixture, LocalDate date, Set<TableDefinition> missing) {
    for (String team : List.of("AAA", "BBB")) {
      Row.Builder game =
          Row.builder()
              .set("game_id", date.toString().replace("-", "") + "_BBB_AAA")
              .set("game_date", date)
              .set("team_abbr", team)
              .set("opponent_team_abbr", team.equals("AAA") ? "BBB" : "AAA");
      write(
          fixture,
          missing,
          Tables.UPCOMING_PLAYER_GAME_CONTEXT,
          game.set("player_lookup", team.toLowerCase(java.util.Locale.ROOT) + "1").build());
      write(
          fixture,
          missing,
          Tables.UPCOMING_TEAM_GAME_CONTEXT,
          Row.builder()
              .set("team_abbr", team)
              .set("game_id", date.toString().replace("-", "") + "_BBB_AAA")
              .set("game_date", date)
              .set("season_year", 2022L)
              .set("opponent_team_abbr", team.equals("AAA") ? "BBB" : "AAA")
              .set("home_game", team.equals("AAA"))
              .set("is_back_to_back", false)
              .set("games_in_last_7_days", 3L)
              .set("games_in_last_14_days", 6L)
              .build());
      write(
          fixture,
          missing,
          Tables.PLAYER_SHOT_ZONE_ANALYSIS,
          Row.builder().set("player_lookup", team + "1").set("analysis_date", date).build());
      write(
          fixture,
          missing,
          Tables.TEAM_DEFENSE_ZONE_ANALYSIS,
          Row.builder().set("team_abbr", team).set("analysis_date", date).build());
    }
  }

  private static void write(
      RuntimeFixture fixture, Set<TableDefinition> missing, TableDefinition table, Row row) {
    if (!missing.contains(table)) {
      fixture.runtime().warehouse().append(table, List.of(row));
    }
  }

  private static void check(RuntimeFixture fixture) {
    new MetadataTrackingFunction(fixture.runtime())
        .accept(GoldenEvents.carrying("metadata-tracking-trigger", "{\"freshness\":true}"));
  }

  private static List<Row> late(RuntimeFixture fixture) {
    return fixture.failures().stream()
        .filter(f -> f.string("failure_category").equals("UPSTREAM_LATE"))
        .toList();
  }

  @Test
  void aShotZoneFeedMissingPastItsDueTimeIsLateAndRecordedOnce() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);
    fixture.scheduled(TODAY, "BBB", "AAA", "SCHEDULED");
    morningInputs(fixture, TODAY, Set.of(Tables.PLAYER_SHOT_ZONE_ANALYSIS));

    check(fixture);
    check(fixture);

    assertThat(late(fixture)).hasSize(1);
    Row failure = late(fixture).get(0);
    assertThat(failure.string("entity_id")).isEqualTo("player_shot_zone_analysis");
    assertThat(failure.date("analysis_date")).isEqualTo(TODAY);
    assertThat(failure.string("failure_reason")).contains("was due 2023-03-10 10:00");
    assertThat(
            fixture.logs().stream()
                .filter(line -> line.startsWith("ERROR") && line.contains("alert=input_late"))
                .filter(line -> line.contains("late_minutes=120"))
                .count())
        .isEqualTo(2);
  }

  @Test
  void anInputNotDueYetIsNotLate() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs, Map.of("INPUT_DUE", "player_shot_zone_analysis=D 12:30"));
    fixture.scheduled(TODAY, "BBB", "AAA", "SCHEDULED");
    morningInputs(fixture, TODAY, Set.of(Tables.PLAYER_SHOT_ZONE_ANALYSIS));

    check(fixture);

    assertThat(late(fixture)).isEmpty();
  }

  @Test
  void aContextCoveringOneOfTheScheduledTeamsIsLate() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);
    fixture.scheduled(TODAY, "BBB", "AAA", "SCHEDULED");
    morningInputs(fixture, TODAY, Set.of(Tables.UPCOMING_PLAYER_GAME_CONTEXT));
    fixture.upcoming(TODAY, "p1");

    check(fixture);

    assertThat(late(fixture)).hasSize(1);
    assertThat(late(fixture).get(0).string("failure_reason")).contains("1 of the 2 teams");
  }

  @Test
  void aLateInputThatLandsIsResolved() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);
    fixture.scheduled(TODAY, "BBB", "AAA", "SCHEDULED");
    morningInputs(fixture, TODAY, Set.of(Tables.TEAM_DEFENSE_ZONE_ANALYSIS));
    check(fixture);

    fixture
        .runtime()
        .warehouse()
        .append(
            Tables.TEAM_DEFENSE_ZONE_ANALYSIS,
            List.of(Row.builder().set("team_abbr", "AAA").set("analysis_date", TODAY).build()));
    check(fixture);

    assertThat(late(fixture)).hasSize(1);
    assertThat(late(fixture).get(0).string("resolution_status")).isEqualTo("RESOLVED");
    assertThat(late(fixture).get(0).string("failure_reason")).contains("Resolved: landed by");
  }

  @Test
  void aDateAlreadyCompleteIsNotChecked() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);
    fixture.scheduled(YESTERDAY, "BBB", "AAA", "FINAL");
    fixture.tracked(YESTERDAY, "COMPLETE", RuntimeFixture.NOW);

    check(fixture);

    assertThat(late(fixture)).isEmpty();
  }

  @Test
  void postponedGamesAndOffDaysExpectNothing() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);
    fixture.scheduled(TODAY, "BBB", "AAA", "POSTPONED");

    check(fixture);

    assertThat(late(fixture)).isEmpty();
    assertThat(fixture.logs().stream().anyMatch(line -> line.contains("alert="))).isFalse();
  }

  @Test
  void lastNightsBoxScoresMissingAfterTheirDueTimeAreLate() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);
    fixture.scheduled(YESTERDAY, "BBB", "AAA", "SCHEDULED");
    morningInputs(fixture, YESTERDAY, Set.of());

    check(fixture);

    assertThat(late(fixture).stream().map(f -> f.string("entity_id")).toList())
        .containsExactly("player_game_summary", "team_offense_game_summary");
    assertThat(late(fixture).get(0).string("failure_reason")).contains("0 of 1 games");
  }
}
