package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.operations.Reports;
import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.DataRange;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every input of a date checked, on the real season: each gap planted on 2023-02-25 (7 games, 154
 * players) keeps the date from COMPLETE with a failure naming the upstream table, and the date
 * heals once the input is back.
 */
class InputChecksTest {
  private static final LocalDate DATE = LocalDate.of(2023, 2, 25);
  private static final String GAME = "20230225_BOS_PHI";

  @TempDir Path home;
  private LocalRuntime local;

  /** One upstream gap: the table it is in, and the rows it takes away. */
  enum Gap {
    NO_BOX_SCORES("game_date = @d", "UPSTREAM_NOT_READY"),
    ONE_GAME_WITHOUT_BOX_SCORES(
        "game_date = @d AND game_id = '" + GAME + "'", "UPSTREAM_NOT_READY"),
    NO_TEAM_OFFENSE("game_date = @d", "UPSTREAM_NOT_READY"),
    NO_SHOT_ZONES("analysis_date = @d", "INPUT_MISSING"),
    NO_ZONE_DEFENSE("analysis_date = @d", "INPUT_MISSING");

    final String where;
    final String category;

    Gap(String where, String category) {
      this.where = where;
      this.category = category;
    }

    TableDefinition table() {
      return switch (this) {
        case NO_BOX_SCORES, ONE_GAME_WITHOUT_BOX_SCORES -> Tables.PLAYER_GAME_SUMMARY;
        case NO_TEAM_OFFENSE -> Tables.TEAM_OFFENSE_GAME_SUMMARY;
        case NO_SHOT_ZONES -> Tables.PLAYER_SHOT_ZONE_ANALYSIS;
        case NO_ZONE_DEFENSE -> Tables.TEAM_DEFENSE_ZONE_ANALYSIS;
      };
    }
  }

  @BeforeEach
  void openFebruaryBackfilled() {
    local = SeasonFixture.FEBRUARY_BACKFILLED.open(home);
  }

  @AfterEach
  void close() {
    local.close();
  }

  private List<Row> query(String sql) {
    return local.runtime().warehouse().query(Sql.of(sql).date("d", DATE));
  }

  private void execute(String sql) {
    local.runtime().warehouse().execute(Sql.of(sql).date("d", DATE));
  }

  /** Takes the gap's rows away and returns them. */
  private List<Row> plant(Gap gap) {
    String table = local.tableName(gap.table());
    List<Row> rows = query("SELECT * FROM " + table + " WHERE " + gap.where);
    assertThat(rows).isNotEmpty();
    execute("DELETE FROM " + table + " WHERE " + gap.where);
    return rows;
  }

  /** As the daily run would meet the date: nothing computed for it yet, production mode. */
  private void dailyRun() {
    execute("DELETE FROM nba_precompute.player_composite_factors WHERE game_date = @d");
    request(false);
  }

  private void request(boolean backfillMode) {
    local
        .runtime()
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            new DateRequest(DATE, backfillMode, false, "run-" + backfillMode).toJson(),
            Attributes.of("run-" + backfillMode, DATE));
  }

  private void sweep() {
    local
        .runtime()
        .publisher()
        .publish(
            Topic.METADATA_TRACKING_TRIGGER,
            "{\"start_date\":\"2023-02-25\",\"end_date\":\"2023-02-25\",\"flag_incomplete\":true}",
            Map.of());
  }

  private String status() {
    return query(
            "SELECT status FROM nba_orchestration.backfill_processing_metadata"
                + " WHERE analysis_date = @d")
        .get(0)
        .string("status");
  }

  /** The reason of the last verdict on the date, as coverage-validation published it. */
  private String coverageReason() {
    List<LocalEventBus.Message> validated =
        local.bus().published(local.runtime().config().topic(Topic.COVERAGE_VALIDATED));
    return DateChunk.VERDICTS.in(validated.get(validated.size() - 1).data()).stream()
        .filter(verdict -> verdict.analysisDate().equals(DATE))
        .reduce((first, second) -> second)
        .orElseThrow()
        .reason();
  }

  private List<Row> failures(String category) {
    return query(
        "SELECT * FROM nba_orchestration.precompute_failures WHERE analysis_date = @d"
            + " AND failure_category = '"
            + category
            + "'");
  }

  @ParameterizedTest
  @EnumSource(Gap.class)
  void aMissingInputKeepsTheDailyRunFromCompleteAndHealsOnceItLands(Gap gap) {
    List<Row> removed = plant(gap);

    dailyRun();

    assertThat(status()).isEqualTo("INCOMPLETE");
    List<Row> flagged = failures(gap.category);
    assertThat(flagged).isNotEmpty();
    assertThat(flagged.stream().map(r -> r.string("entity_id")).toList())
        .contains(gap.table().name());
    assertThat(flagged.get(0).string("resolution_status")).isEqualTo("UNRESOLVED");

    local.runtime().warehouse().append(gap.table(), removed);
    request(true);

    assertThat(status()).isEqualTo("COMPLETE");
    assertThat(failures(gap.category).stream().map(r -> r.string("resolution_status")).toList())
        .doesNotContain("UNRESOLVED");
  }

  @ParameterizedTest
  @EnumSource(Gap.class)
  void theSweepFlagsEachMissingInput(Gap gap) {
    plant(gap);

    sweep();

    assertThat(status()).isEqualTo("INCOMPLETE");
    assertThat(failures(gap.category).stream().map(r -> r.string("entity_id")).toList())
        .contains(gap.table().name());
  }

  @ParameterizedTest
  @EnumSource(Gap.class)
  void aBackfillStopsOnEachMissingInputAndAForcedOneLeavesTheDateIncomplete(Gap gap) {
    plant(gap);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(backfill(false, out)).isEqualTo(ExitCodes.PROBLEM);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(gap.table().name());
    assertThat(backfill(true, out)).isEqualTo(ExitCodes.PROBLEM);
    assertThat(status()).isEqualTo("INCOMPLETE");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT DONE 2023-02-25");
  }

  private int backfill(boolean force, ByteArrayOutputStream out) {
    return new Backfill(
            local,
            new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
            Progress.none())
        .range(new DateRange(LocalDate.of(2023, 2, 20), LocalDate.of(2023, 2, 28)), force, true);
  }

  @Test
  void aGameWithoutBoxScoresIsNamedAndTheSweepFinishesTheDateWhenTheyLand() {
    List<Row> removed = plant(Gap.ONE_GAME_WITHOUT_BOX_SCORES);

    dailyRun();

    String reason = failures("UPSTREAM_NOT_READY").get(0).string("failure_reason");
    assertThat(reason).contains("6 of 7 games");
    assertThat(reason).contains(GAME);
    // The verdict says what is true: the game is missing, not "more players than expected".
    assertThat(coverageReason())
        .startsWith("upstream not ready: player_game_summary: 6 of 7 games");
    assertThat(coverageReason()).contains(GAME);
    assertThat(coverageReason()).doesNotContainMatch("\\d+ of \\d+ players \\(");
    local.runtime().warehouse().append(Tables.PLAYER_GAME_SUMMARY, removed);
    sweep();
    // The rows written before the box scores landed cover everyone who played: nothing to redo.
    assertThat(status()).isEqualTo("COMPLETE");
  }

  @Test
  void usageRatesMissingKeepTheDateFromComplete() {
    execute("UPDATE nba_analytics.player_game_summary SET usage_rate = NULL WHERE game_date = @d");

    sweep();

    assertThat(status()).isEqualTo("INCOMPLETE");
    assertThat(failures("INPUT_MISSING").get(0).string("failure_reason"))
        .contains("player_game_summary: 0 of");
  }

  @Test
  void hollowRowsAreNotComplete() {
    execute(
        "UPDATE nba_precompute.player_composite_factors SET data_completeness_pct = 60.0"
            + " WHERE game_date = @d");

    sweep();

    assertThat(status()).isEqualTo("INCOMPLETE");
    assertThat(failures("INPUT_MISSING").get(0).string("entity_id"))
        .isEqualTo("player_composite_factors");
  }

  @Test
  void theBackfillPreflightNamesTheMissingInputAndStops() {
    plant(Gap.NO_ZONE_DEFENSE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(backfill(false, out)).isEqualTo(ExitCodes.PROBLEM);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("team_defense_zone_analysis");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2023-02-25");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing was written");
  }

  @Test
  void aRerunThatWouldReplaceACompleteDateWithFewerPlayersIsRefused() {
    LocalDate february24 = LocalDate.of(2023, 2, 24); // the upcoming context holds 68 of 175
    String runId = "production-rerun";
    local
        .runtime()
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            DateRequest.production(february24, runId).toJson(),
            Attributes.of(runId, february24));

    List<Row> rows =
        local
            .runtime()
            .warehouse()
            .query(
                Sql.of(
                        "SELECT COUNT(*) AS players FROM nba_precompute.player_composite_factors"
                            + " WHERE game_date = @d")
                    .date("d", february24));
    assertThat(rows.get(0).int64("players")).isEqualTo(175);
    List<Row> refused =
        local
            .runtime()
            .warehouse()
            .query(
                Sql.of(
                        "SELECT failure_reason FROM nba_orchestration.precompute_failures"
                            + " WHERE analysis_date = @d AND failure_category = 'RERUN_REFUSED'")
                    .date("d", february24));
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).string("failure_reason")).contains("with 68");
  }

  @Test
  void aRerunCoveringMorePlayersReplacesFewerRowsFromFullerInputs() {
    // Early in the season some players lack a shot profile: the date's rows average 99.4%, while
    // the one player a crashed context writer left has every input.
    LocalDate early = LocalDate.of(2022, 11, 4);
    Warehouse warehouse = local.runtime().warehouse();
    warehouse.execute(
        Sql.of(
                "DELETE FROM nba_analytics.upcoming_player_game_context WHERE game_date = @d AND"
                    + " player_lookup <> (SELECT MIN(player_lookup) FROM"
                    + " nba_analytics.upcoming_player_game_context WHERE game_date = @d)")
            .date("d", early));
    for (boolean backfillMode : new boolean[] {false, true}) {
      local
          .runtime()
          .publisher()
          .publish(
              Topic.COMPOSITE_FACTORS_REQUESTS,
              new DateRequest(early, backfillMode, false, "run-" + backfillMode).toJson(),
              Attributes.of("run-" + backfillMode, early));
    }

    List<Row> written =
        warehouse.query(
            Sql.of(
                    "SELECT COUNT(*) AS players, AVG(data_completeness_pct) AS completeness FROM"
                        + " nba_precompute.player_composite_factors WHERE game_date = @d")
                .date("d", early));
    assertThat(written.get(0).int64("players")).isEqualTo(259);
    assertThat(written.get(0).float64("completeness")).isLessThan(100.0);
  }

  @Test
  void aRangeWithNoScheduledGameIsRefused() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        new Backfill(
                local,
                new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                Progress.none())
            .range(new DateRange(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31)), false, true);

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no scheduled game");
  }

  @Test
  void statusListsGameDatesNeverProcessedAsNotDone() {
    List<Row> rows =
        Status.rows(local, new DateRange(LocalDate.of(2023, 1, 25), LocalDate.of(2023, 2, 2)));

    assertThat(rows.stream().map(r -> r.string("status")).distinct().toList())
        .containsExactly(Status.NOT_PROCESSED, "COMPLETE");
    assertThat(rows.stream().filter(Status::notDone).count()).isEqualTo(7);
  }

  @Test
  void theDataRangeIsTheBoxScoresFirstToLastGameDate() {
    var config = local.runtime().config();

    assertThat(
            DataRange.of(local.runtime().warehouse(), config.catalog(), SeasonFixture.TODAY)
                .orElseThrow())
        .isEqualTo(new DateRange(LocalDate.of(2022, 10, 18), LocalDate.of(2023, 3, 10)));
  }

  @Test
  void aProcessedOffDayIsAnOffDayAndStaysOutOfTheReport() {
    LocalDate summer = LocalDate.of(2022, 7, 1);
    local
        .runtime()
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            DateRequest.backfill(summer, "off-day").toJson(),
            Attributes.of("off-day", summer));

    assertThat(Status.rows(local, new DateRange(summer, summer)).get(0).string("status"))
        .isEqualTo("OFF_DAY");
    String html =
        Reports.coverage(
                local, new DateRange(LocalDate.of(1946, 11, 1), LocalDate.of(9999, 12, 31)))
            .html();
    assertThat(html).contains("2023-02-23");
    assertThat(html).doesNotContain("2022-07-01");
  }

  @Test
  void aDayWhoseScheduleAndBoxScoresAreBothLateIsNotAnOffDay() {
    execute("DELETE FROM nba_analytics.nba_schedule WHERE game_date = @d");
    plant(Gap.NO_BOX_SCORES);

    sweep(); // the upcoming team context still announces the day's 7 games

    assertThat(status()).isEqualTo("INCOMPLETE");
    assertThat(failures("UPSTREAM_NOT_READY").get(0).string("failure_reason"))
        .contains("0 of 7 games");
  }

  @Test
  void aPassingVerdictOnADateWithAMissingInputIsStoredAsAFail() {
    plant(Gap.NO_ZONE_DEFENSE);
    local
        .runtime()
        .publisher()
        .publish(
            Topic.COVERAGE_VALIDATED,
            "{\"run_id\":\"forged\",\"analysis_date\":\"2023-02-25\",\"verdict\":\"PASS\","
                + "\"expected_players\":154,\"actual_players\":154}",
            Attributes.of("forged", DATE));

    Row row =
        query(
                "SELECT status, verdict FROM nba_orchestration.backfill_processing_metadata"
                    + " WHERE analysis_date = @d")
            .get(0);
    assertThat(row.string("status")).isEqualTo("INCOMPLETE");
    assertThat(row.string("verdict")).isEqualTo("FAIL");
  }
}
