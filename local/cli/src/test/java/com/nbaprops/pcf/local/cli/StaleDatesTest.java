package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Reprocess;
import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageGate;
import com.nbaprops.pcf.testing.GoldenEvents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A date is as stale as it is partial when an input it was computed from is restated: the sweep
 * says STALE (exit 1, a failure naming the table), heal recomputes it from the new inputs, and the
 * next sweep is clean. A rerun that writes the same values, or writes a partition twice, is no
 * change.
 */
class StaleDatesTest {
  /** Computed from the upcoming context in the fixture; 2023-02-23 from the synthetic stand-in. */
  private static final LocalDate DAY = LocalDate.of(2023, 2, 13);

  private static final String FEBRUARY_START = "2023-02-01";
  private static final String FEBRUARY_END = "2023-02-28";
  @TempDir Path home;

  private final StringWriter output = new StringWriter();

  private int cli(String... args) {
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setOut(new PrintWriter(output, true));
    cli.setErr(new PrintWriter(output, true));
    return cli.execute(args);
  }

  private LocalRuntime open() {
    return LocalRuntime.open(
        home, Map.of(), SeasonFixture.TODAY, (severity, message, labels) -> {});
  }

  private LocalDate day = DAY;

  private String status(LocalDate date) {
    try (LocalRuntime local = open()) {
      return Status.rows(local, new DateRange(date, date)).get(0).string("status");
    }
  }

  private void execute(String statement) {
    try (LocalRuntime local = open()) {
      local.runtime().warehouse().execute(local.sql(statement).date("day", day));
    }
  }

  private List<Row> query(String statement) {
    try (LocalRuntime local = open()) {
      return local.query(local.sql(statement).date("day", day));
    }
  }

  private List<String> factors() {
    return query(
            "SELECT player_lookup, fatigue_score, shot_zone_mismatch_score, pace_score,"
                + " usage_spike_score FROM {player_composite_factors} WHERE game_date = @day"
                + " ORDER BY player_lookup")
        .stream()
        .map(Row::toString)
        .toList();
  }

  private List<Row> openFailures() {
    return query(
        "SELECT failure_category, failure_reason FROM {precompute_failures}"
            + " WHERE analysis_date = @day AND resolution_status = 'UNRESOLVED'");
  }

  private int sweep() {
    return cli("track", FEBRUARY_START, FEBRUARY_END, "--flag-incomplete", "--today", "2023-03-01");
  }

  private String rowsRun() {
    return query("SELECT DISTINCT run_id FROM {player_composite_factors} WHERE game_date = @day")
        .get(0)
        .string("run_id");
  }

  private int dailyRun() {
    return cli(
        "publish",
        "composite-factors-requests",
        "{\"analysis_date\":\"AUTO\"}",
        "--today",
        day.plusDays(1).toString());
  }

  /**
   * The 05:30 run is the backstop of the recompute on landing: a date COMPLETE with its current
   * inputs is left as it is, one whose input was restated since is computed again.
   */
  @Test
  void theDailyRunRecomputesOnlyADateNotCompleteWithItsCurrentInputs() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    assertThat(sweep()).isEqualTo(ExitCodes.OK);
    String computed = rowsRun();

    assertThat(dailyRun()).isEqualTo(ExitCodes.OK);
    assertThat(rowsRun()).isEqualTo(computed);

    execute(
        "UPDATE {upcoming_player_game_context}"
            + " SET minutes_in_last_7_days = minutes_in_last_7_days + 40 WHERE game_date = @day");
    assertThat(dailyRun()).isEqualTo(ExitCodes.OK);
    assertThat(rowsRun()).isNotEqualTo(computed);
  }

  /**
   * Each input restated as an upstream would after a stat correction: a value the factors read, in
   * a partition the date's computation read. The team box scores are read by the synthetic stand-in
   * only, before the date: a game of 2023-02-16 feeds 2023-02-23 (the All-Star break is between).
   */
  @ParameterizedTest
  @CsvSource({
    "2023-02-13, upcoming_player_game_context, minutes_in_last_7_days = minutes_in_last_7_days + 40, game_date = @day",
    "2023-02-23, player_game_summary, minutes_played = minutes_played + 5, game_date = DATE '2023-02-16'",
    "2023-02-23, team_offense_game_summary, pace = pace + 3, game_date = DATE '2023-02-16'",
    "2023-02-13, player_shot_zone_analysis, paint_rate_last_10 = paint_rate_last_10 / 2, analysis_date = @day",
    "2023-02-13, team_defense_zone_analysis, paint_defense_vs_league_avg = paint_defense_vs_league_avg + 4, analysis_date = @day",
  })
  void aRestatedInputMakesACompleteDateStaleUntilItIsHealed(
      LocalDate restated, String table, String set, String where) {
    day = restated;
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    assertThat(sweep()).isEqualTo(ExitCodes.OK);
    assertThat(status(day)).isEqualTo("COMPLETE");

    execute("UPDATE {" + table + "} SET " + set + " WHERE " + where);

    assertThat(sweep()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(status(day)).isEqualTo("STALE");
    assertThat(openFailures()).hasSize(1);
    assertThat(openFailures().get(0).string("failure_category")).isEqualTo("INPUT_RESTATED");
    assertThat(openFailures().get(0).string("failure_reason")).contains(table);

    assertWithMessage("%s", output)
        .that(cli("heal", FEBRUARY_START, FEBRUARY_END, "--today", "2023-03-01"))
        .isEqualTo(ExitCodes.OK);
    List<String> healed = factors();

    assertThat(sweep()).isEqualTo(ExitCodes.OK);
    assertThat(status(day)).isEqualTo("COMPLETE");
    assertThat(openFailures()).isEmpty();
    String resolved =
        query(
                "SELECT failure_reason FROM {precompute_failures}"
                    + " WHERE analysis_date = @day AND failure_category = 'INPUT_RESTATED'")
            .get(0)
            .string("failure_reason");
    assertThat(resolved).containsMatch("Resolved: recomputed, \\d+ of \\d+ rows moved");
    assertThat(cli("reprocess", day.toString(), "--force", "--today", "2023-03-01"))
        .isEqualTo(ExitCodes.OK);
    assertWithMessage("the healed rows are what a forced recompute gives")
        .that(factors())
        .isEqualTo(healed);
  }

  @Test
  void anUpstreamRerunWithTheSameValuesMarksNothing() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();

    execute(
        "UPDATE {upcoming_player_game_context} SET processed_at = TIMESTAMP '2023-03-01 12:00:00'"
            + " WHERE game_date = @day");

    assertThat(sweep()).isEqualTo(ExitCodes.OK);
    assertThat(status(DAY)).isEqualTo("COMPLETE");
  }

  /**
   * Every row of a partition written twice: the reads count distinct rows, so the factors and the
   * fingerprint are unchanged; the recompute names the doubled partition in a WARNING, no alarm.
   */
  @Test
  void aPartitionWrittenTwiceIsNoChangeAndIsNamedInAWarning() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    List<String> before = factors();

    execute(
        "INSERT INTO {player_shot_zone_analysis} SELECT * FROM {player_shot_zone_analysis}"
            + " WHERE analysis_date = @day");

    assertThat(sweep()).isEqualTo(ExitCodes.OK);
    List<String> warnings = new ArrayList<>();
    try (LocalRuntime local =
        LocalRuntime.open(
            home,
            Map.of(),
            SeasonFixture.TODAY,
            (severity, message, labels) -> warnings.add(severity + " " + message))) {
      assertThat(Reprocess.date(local, DAY, true, false, new PrintWriter(new StringWriter())))
          .isEqualTo(ExitCodes.OK);
    }
    assertThat(factors()).isEqualTo(before);
    assertThat(warnings)
        .contains(
            "WARNING player_shot_zone_analysis "
                + DAY
                + " holds its rows more than once (an upstream wrote the partition twice):"
                + " read as its distinct rows");
    assertThat(sweep()).isEqualTo(ExitCodes.OK);
  }

  /**
   * The cleanup deletes the upcoming context past its TTL, on purpose and backed up: an emptied
   * partition is no restatement (a recompute from nothing would only make the date worse).
   */
  @Test
  void anUpcomingContextTheCleanupDeletedIsNoRestatement() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();

    execute("DELETE FROM {upcoming_player_game_context} WHERE game_date = @day");

    assertThat(sweep()).isEqualTo(ExitCodes.OK);
    assertThat(status(DAY)).isEqualTo("COMPLETE");
  }

  /**
   * A recompute refused as worse (fewer players) writes no lineage, and the chain that refused it
   * does not call the date COMPLETE on its counts: it stays STALE, and the reprocess says so.
   */
  @Test
  void aRecomputeRefusedAsWorseLeavesTheDateStale() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    execute(
        "DELETE FROM {upcoming_player_game_context} WHERE game_date = @day AND player_lookup IN"
            + " (SELECT player_lookup FROM {upcoming_player_game_context} WHERE game_date = @day"
            + " ORDER BY player_lookup LIMIT 10)");
    assertThat(sweep()).isEqualTo(ExitCodes.PROBLEM);

    assertThat(cli("reprocess", DAY.toString(), "--today", "2023-03-01"))
        .isEqualTo(ExitCodes.PROBLEM);

    assertThat(status(DAY)).isEqualTo("STALE");
  }

  /**
   * A tracking right after its computation trusts the prints that computation took as it read. An
   * input restated in between is found when the write's audit-log entry arrives, though the date
   * was tracked COMPLETE after the write: the date is recomputed from the restated input.
   */
  @Test
  void anInputRestatedBeforeItsTrackingIsFoundWhenTheWriteIsReported() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    String run = rowsRun();
    execute(
        "UPDATE {player_shot_zone_analysis} SET paint_rate_last_10 = paint_rate_last_10 / 2"
            + " WHERE analysis_date = @day");
    try (LocalRuntime local = open()) {
      int players = factors().size();
      local
          .runtime()
          .publisher()
          .publish(
              Topic.COVERAGE_VALIDATED,
              new CoverageValidated(
                      run,
                      day,
                      CoverageGate.Verdict.PASS,
                      players,
                      players,
                      DataSource.UPCG,
                      null,
                      "a redelivery of the computation's verdict")
                  .toJson(),
              Map.of());
    }
    assertThat(status(day)).isEqualTo("COMPLETE");

    try (LocalRuntime local = open()) {
      local
          .bus()
          .deliver(
              SuiteFunction.TABLE_WRITTEN,
              GoldenEvents.withRawData(
                  "bigquery-job-completed",
                  GoldenEvents.body("bigquery-job-completed")
                      .replace("nba_analytics", "nba_precompute")
                      .replace(
                          "team_offense_game_summary$20230223",
                          "player_shot_zone_analysis$20230213")));
    }

    assertWithMessage("recomputed from the restated input").that(rowsRun()).isNotEqualTo(run);
    assertThat(status(day)).isEqualTo("COMPLETE");
    assertThat(
            query(
                "SELECT failure_category FROM {precompute_failures} WHERE analysis_date = @day"
                    + " AND failure_category = 'INPUT_RESTATED'"))
        .hasSize(1);
  }
}
