package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.adapter.bigquery.BigQueryStatements;
import com.nbaprops.pcf.adapter.embedded.LocalDirectoryBlobStore;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Cleanup;
import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.operations.Failures;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.operations.Reports;
import com.nbaprops.pcf.local.operations.Restore;
import com.nbaprops.pcf.local.operations.Seeding;
import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.query.DataRange;
import com.nbaprops.pcf.query.InputPrints;
import com.nbaprops.pcf.query.Lineage;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import com.nbaprops.pcf.testing.GoldenEvents;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement the suite sends to the warehouse, recorded while the whole chain runs on DuckDB
 * (the incident replay, pre-flight, backfill, sweeps, cleanup, restore, rejected input, the status
 * report), is analysed as GoogleSQL against the shared table definitions with its declared
 * parameter types: what passes here runs unchanged on BigQuery.
 */
class GoogleSqlTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  private static final LocalDate EARLY_FALLBACK = LocalDate.of(2022, 11, 15);
  private static final LocalDate MARCH_10 = LocalDate.of(2023, 3, 10);
  @TempDir static Path home;
  private static RecordingWarehouse recorder;
  private static EngineComparison engines;
  private static LocalRuntime local;
  private static GoogleSqlAnalyzer analyzer;
  private static PipelineConfig config;
  private static int unforcedBackfill;
  private static int forcedBackfill;

  @BeforeAll
  static void runEverythingOnce() {
    config = PipelineConfig.fromEnvironment(Map.of(), home.toString());
    DuckDbWarehouse duckDb = DuckDbWarehouse.inMemory(config.catalog());
    duckDb.createTables(Tables.ALL);
    engines = new EngineComparison(duckDb, config.catalog(), Tables.ALL);
    recorder = new RecordingWarehouse(engines);
    Clock clock = Clock.fixed(Instant.parse("2023-03-10T17:00:00Z"), ZoneOffset.UTC);
    LocalEventBus bus =
        new LocalEventBus(
            config.projectId(),
            LocalEventBus.MAX_DELIVERY_ATTEMPTS,
            clock,
            StructuredLog.to((s, m, l) -> {}));
    PipelineRuntime runtime =
        new PipelineRuntime(
            config,
            recorder,
            bus,
            new LocalDirectoryBlobStore(home.resolve("gcs")),
            clock,
            (s, m, l) -> {});
    local = LocalRuntime.of(runtime, bus, home);
    Seeding.seed(local, "2022-23", true, QUIET);
    // A date early in the season with no upcoming context at all falls back to the synthetic one,
    // whose read (with the season so far) fits the reference engine's 4 MB channel; February's do
    // not, and are not compared.
    local.execute(
        local
            .sql("DELETE FROM {upcoming_player_game_context} WHERE game_date = @d")
            .date("d", EARLY_FALLBACK));
    // Zeros and negatives where the rules never expect them, in the history that date reads: the
    // engines must agree on them too (a division or a logarithm in the SQL would part them).
    local.execute(
        local
            .sql(
                "UPDATE {player_game_summary} SET minutes_played = 0, usage_rate = -1.0"
                    + " WHERE game_date = @d")
            .date("d", EARLY_FALLBACK.minusDays(1)));
    local.execute(
        local
            .sql("UPDATE {team_offense_game_summary} SET pace = 0 WHERE game_date = @d")
            .date("d", EARLY_FALLBACK.minusDays(1)));

    recorder.record(true);
    unforcedBackfill =
        new Backfill(local, QUIET, Progress.none()).range(Demo.FEBRUARY, false, true);
    forcedBackfill = new Backfill(local, QUIET, Progress.none()).range(Demo.FEBRUARY, true, true);
    runtime
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            DateRequest.backfill(EARLY_FALLBACK, "early-fallback").toJson(),
            Attributes.of("early-fallback", EARLY_FALLBACK));
    String runId = "production-run";
    runtime
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            DateRequest.production(LocalDate.of(2023, 1, 5), runId).toJson(),
            Attributes.of(runId, null));
    runtime
        .publisher()
        .publish(Topic.COMPOSITE_FACTORS_REQUESTS, "{\"isBackfill\":true}", Map.of());
    runtime
        .publisher()
        .publish(
            Topic.METADATA_TRACKING_TRIGGER, "{\"days\":30,\"flag_incomplete\":true}", Map.of());
    // The freshness check with a morning input late, then landed (its failure resolved), and an
    // upstream table written: the landing's reads and its request of the date it makes computable.
    List<Row> defense =
        local.query(
            local
                .sql("SELECT * FROM {team_defense_zone_analysis} WHERE analysis_date = @d")
                .date("d", MARCH_10));
    local.execute(
        local
            .sql("DELETE FROM {team_defense_zone_analysis} WHERE analysis_date = @d")
            .date("d", MARCH_10));
    runtime.publisher().publish(Topic.METADATA_TRACKING_TRIGGER, "{\"freshness\":true}", Map.of());
    runtime.warehouse().append(Tables.TEAM_DEFENSE_ZONE_ANALYSIS, defense);
    runtime.publisher().publish(Topic.METADATA_TRACKING_TRIGGER, "{\"freshness\":true}", Map.of());
    // A load of one partition (the job-completion entry names it): only that date is looked at.
    bus.deliver(
        SuiteFunction.TABLE_WRITTEN,
        GoldenEvents.withRawData(
            "bigquery-job-completed",
            GoldenEvents.body("bigquery-job-completed")
                .replace(
                    "team_offense_game_summary$20230223", "upcoming_team_game_context$20230310")));
    Cleanup.run(local, true, null, QUIET);
    Cleanup.run(local, false, null, QUIET);
    Restore.run(local, Tables.UPCOMING_PLAYER_GAME_CONTEXT.name(), FEB_23, null, QUIET);
    Status.rows(local, Demo.FEBRUARY);
    Reports.coverage(local, Demo.FEBRUARY);
    Failures.open(local, new DateRange(CliDates.EARLIEST, CliDates.LATEST));
    Failures.acknowledgeRejected(local);
    DataRange.of(runtime.warehouse(), runtime.config().catalog(), LocalDate.of(2023, 3, 10));
    // The fingerprints of one early date's inputs, each variant the suite sends (the day's, the
    // season's, a sweep's both): a chunk's and a February season's are beyond the reference
    // engine's 4 MB channel.
    InputPrints prints = new InputPrints(recorder, config.catalog());
    DateRange early = new DateRange(EARLY_FALLBACK, EARLY_FALLBACK);
    Map<String, DateRange> both = new LinkedHashMap<>(Lineage.reads(early, false));
    both.putAll(Lineage.reads(early, true));
    prints.read(Lineage.reads(early, false));
    prints.read(Lineage.reads(early, true));
    prints.read(both);
    recorder.record(false);

    analyzer = new GoogleSqlAnalyzer(config.catalog(), Tables.ALL);
  }

  @AfterAll
  static void close() {
    local.close();
  }

  /** Distinct statements by text and parameter types. */
  private static List<Sql> statements() {
    Map<String, Sql> distinct = new LinkedHashMap<>();
    for (RecordingWarehouse.Call call : recorder.calls()) {
      if (call.sql() != null) {
        distinct.putIfAbsent(call.sql().text() + call.sql().parameters().keySet(), call.sql());
      }
    }
    for (TableDefinition table : Tables.ALL) {
      BigQueryStatements.all(config.catalog(), table)
          .forEach(sql -> distinct.putIfAbsent(sql.text(), sql));
    }
    return List.copyOf(distinct.values());
  }

  @Test
  void everyStatementTheSuiteIssuesIsValidGoogleSql() {
    List<String> problems = new ArrayList<>();
    for (Sql sql : statements()) {
      analyzer.problem(sql).ifPresent(problem -> problems.add(problem + "\n    in: " + sql.text()));
    }

    assertThat(problems).isEmpty();
  }

  /**
   * Valid is not equal: every statement the chain sent, run again on GoogleSQL's reference engine
   * over the rows DuckDB held at that moment, gives the same rows (a DML statement: the same change
   * to its table). A divergence names the statement, its parameters and the first rows that differ.
   */
  @Test
  void everyStatementComputesTheSameOnGoogleSqlsReferenceEngine() {
    Set<String> sent = new TreeSet<>();
    recorder.calls().stream()
        .filter(call -> call.sql() != null)
        .forEach(call -> sent.add(EngineComparison.key(call.sql())));

    assertThat(engines.divergences()).isEmpty();
    Set<String> evaluable = new TreeSet<>(sent);
    evaluable.removeAll(engines.notEvaluated().keySet());
    assertThat(engines.compared()).containsAtLeastElementsIn(evaluable);
    // Only MERGE is beyond the reference evaluator; the analyzer still checks it as GoogleSQL.
    assertThat(
            engines.notEvaluated().keySet().stream()
                .filter(key -> !key.strip().toUpperCase(Locale.ROOT).startsWith("MERGE"))
                .toList())
        .isEmpty();
  }

  /**
   * The check is only as good as the recording: the scenario must reach every kind of statement the
   * code writes.
   */
  @Test
  void theRecordingReachesReadsDeletesMergesAndUpdates() {
    Set<String> kinds = new TreeSet<>();
    recorder.calls().stream()
        .filter(call -> call.sql() != null)
        .forEach(
            call ->
                kinds.add(call.sql().text().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT)));

    assertThat(kinds).containsAtLeast("SELECT", "WITH", "DELETE", "MERGE", "UPDATE");
  }

  /**
   * The scenario's own outcome: a failure anywhere in the chain (a statement one engine refused, a
   * dead letter) fails here with its cause, not only as rows that differ.
   */
  @Test
  void theScenarioEndsAsItShould() {
    assertThat(unforcedBackfill).isEqualTo(ExitCodes.PROBLEM); // the pre-flight stops it
    assertThat(forcedBackfill).isEqualTo(ExitCodes.OK);
    assertThat(local.bus().deadLetters()).isEmpty();
    assertThat(
            Status.rows(local, Demo.FEBRUARY).stream()
                .filter(row -> !row.string("status").equals(CoverageStatus.COMPLETE.name()))
                .map(row -> row.date("analysis_date") + " " + row.string("status"))
                .toList())
        .isEmpty(); // The late input was recorded and resolved by the next check; the landing asked
    // for its date.
    assertThat(
            local
                .query(
                    local
                        .sql(
                            "SELECT failure_category, resolution_status FROM {precompute_failures}"
                                + " WHERE analysis_date = @d AND failure_category IN"
                                + " ('UPSTREAM_LATE', 'RECOMPUTE_REQUESTED')"
                                + " ORDER BY failure_category")
                        .date("d", MARCH_10))
                .stream()
                .map(row -> row.string("failure_category") + " " + row.string("resolution_status"))
                .toList())
        .containsExactly("RECOMPUTE_REQUESTED RESOLVED", "UPSTREAM_LATE RESOLVED")
        .inOrder();
  }

  /**
   * DuckDB computes {@code x / 0.0} as Infinity; GoogleSQL refuses it, as BigQuery would fail the
   * job: one engine's error is a divergence naming the statement and the error.
   */
  @Test
  void aStatementOnlyGoogleSqlRefusesIsADivergence() {
    try (EngineComparison comparison = withOneShotZone()) {
      Sql planted =
          Sql.of(
                  "SELECT player_lookup, paint_rate_last_10 / 0.0 AS zone_ratio"
                      + " FROM nba_precompute.player_shot_zone_analysis"
                      + " WHERE analysis_date = @d")
              .date("d", FEB_23);

      comparison.query(planted);

      assertThat(comparison.divergences()).hasSize(1);
      assertThat(comparison.divergences().get(0).toString()).contains("division by zero");
      assertThat(comparison.divergences().get(0).statement()).isEqualTo(planted.text());
    }
  }

  /** LN(0) is -Infinity on DuckDB and an error on GoogleSQL: the class is wider than division. */
  @Test
  void aLogarithmOfZeroIsADivergenceToo() {
    try (EngineComparison comparison = withOneShotZone()) {
      comparison.query(
          Sql.of(
                  "SELECT LN(paint_rate_last_10 - paint_rate_last_10) AS l"
                      + " FROM nba_precompute.player_shot_zone_analysis WHERE analysis_date = @d")
              .date("d", FEB_23));

      assertThat(comparison.divergences()).hasSize(1);
      assertThat(comparison.divergences().get(0).detail()).startsWith("GoogleSQL refused it");
    }
  }

  /** A statement both engines refuse is agreement; the caller still sees DuckDB's error. */
  @Test
  void aStatementBothEnginesRefuseIsNoDivergenceAndStillFails() {
    try (EngineComparison comparison = withOneShotZone()) {
      Sql typo =
          Sql.of(
                  "SELECT paint_rat FROM nba_precompute.player_shot_zone_analysis"
                      + " WHERE analysis_date = @d")
              .date("d", FEB_23);

      assertThrows(RuntimeException.class, () -> comparison.query(typo));
      assertThat(comparison.divergences()).isEmpty();
    }
  }

  private static EngineComparison withOneShotZone() {
    DuckDbWarehouse duckDb = DuckDbWarehouse.inMemory(config.catalog());
    duckDb.createTables(Tables.ALL);
    duckDb.replacePartition(
        Tables.PLAYER_SHOT_ZONE_ANALYSIS,
        FEB_23,
        List.of(
            Row.builder()
                .set("player_lookup", "lebronjames")
                .set("analysis_date", FEB_23)
                .set("paint_rate_last_10", 41.5)
                .build()));
    return new EngineComparison(duckDb, config.catalog(), Tables.ALL);
  }

  @Test
  void aMisspelledColumnIsRefused() {
    Sql typo =
        Sql.of(
                "SELECT COUNT(DISTINCT player_lookpu) AS n FROM nba_analytics.player_game_summary WHERE game_date = @d")
            .date("d", FEB_23);

    assertThat(analyzer.problem(typo))
        .hasValue("Unrecognized name: player_lookpu; Did you mean player_lookup? [at 1:23]");
  }

  @Test
  void aParameterOfTheWrongTypeIsRefused() {
    Sql wrongType =
        Sql.of("SELECT COUNT(*) AS n FROM nba_analytics.player_game_summary WHERE game_date = @d")
            .int64("d", 20230223L);

    assertThat(analyzer.problem(wrongType).orElse(""))
        .contains("No matching signature for operator =");
  }

  @Test
  void aDuckDbOnlyFunctionIsRefused() {
    Sql duckDbOnly = Sql.of("SELECT list_value(1, 2) AS xs");

    assertThat(analyzer.problem(duckDbOnly).orElse("")).contains("Function not found: list_value");
  }

  /**
   * A day's reprocess, end to end: the warehouse calls (queries, DML, writes) the chain starts for
   * one date. composite-factors fingerprints the inputs it may read in one query, reads them all in
   * one query, writes the date's rows and appends their lineage; coverage-validation reads the
   * counts and the features in one query; metadata-tracking reads them again (it trusts no message)
   * with the date's open failures, reads the date's lineage (the rows are this run's, whose prints
   * were taken as it read: not printed again), and writes its row. (The scenario's sweep flagged
   * the March dates INCOMPLETE: the first run resolves that.)
   */
  @Test
  void aProcessedDateCostsEightCalls() {
    LocalDate march7 = LocalDate.of(2023, 3, 7);
    jobsToReprocess(march7);

    assertThat(jobsToReprocess(march7)).containsExactly("load", 3, "query", 5);
  }

  /**
   * Its inputs are read again, with the synthetic context the first read showed it needs, and the
   * season's box scores that context is made of are fingerprinted first.
   */
  @Test
  void aDateThatFallsBackCostsTwoMoreQueries() {
    assertThat(jobsToReprocess(FEB_23)).containsExactly("load", 3, "query", 7);
  }

  /**
   * A date the sweep flagged INCOMPLETE has its failures resolved once it is complete: one query
   * for what its recompute changed, one update.
   */
  @Test
  void aDateThatRecoversCostsOneUpdateToResolveItsFailures() {
    assertThat(jobsToReprocess(LocalDate.of(2023, 3, 6)))
        .containsExactly("dml", 1, "load", 3, "query", 6);
  }

  private static Map<String, Integer> jobsToReprocess(LocalDate date) {
    int before = recorder.calls().size();
    recorder.record(true);
    local
        .runtime()
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            DateRequest.backfill(date, "jobs-" + date).toJson(),
            Attributes.of("jobs-" + date, date));
    recorder.record(false);
    List<RecordingWarehouse.Call> calls = recorder.calls();
    calls = calls.subList(before, calls.size());
    Map<String, Integer> jobs = new TreeMap<>();
    calls.forEach(call -> jobs.merge(call.kind(), 1, Integer::sum));
    return jobs;
  }
}
