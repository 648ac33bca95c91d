package com.nbaprops.pcf.adapter.bigquery;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQueryOptions;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.loopback.BigQueryRules;
import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * BigQuery's rules for writes that meet on one table, as the loopback applies them to the real
 * client, and the adapter's answer to each: the chunk write is one MERGE (queued, never cancelled),
 * and a job BigQuery refused for a reason it documents as passing is run again.
 */
class BigQueryConcurrencyTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 1);
  private static final Catalog CATALOG = PipelineConfig.fromEnvironment(Map.of(), ".").catalog();
  private static final Duration HELD = Duration.ofMillis(400);

  /** Old chunk write: what the adapter sent before the MERGE, to show the rule it broke. */
  private static final String TRANSACTION =
      "BEGIN TRANSACTION;\n"
          + "DELETE FROM nba_precompute.player_composite_factors WHERE game_date BETWEEN @first AND"
          + " @last;\nINSERT INTO nba_precompute.player_composite_factors (game_date) SELECT"
          + " game_date FROM nba_staging.s;\nCOMMIT TRANSACTION;";

  private final ExecutorService threads = Executors.newFixedThreadPool(24);
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private LoopbackBigQuery server;

  @AfterEach
  void stop() {
    threads.shutdownNow();
    if (server != null) {
      server.close();
    }
  }

  private BigQueryWarehouse warehouse(BigQueryRules.JobTimes times, int attempts) throws Exception {
    server = new LoopbackBigQuery(times);
    server.answerWith(
        new LoopbackBigQuery.Statements() {
          @Override
          public LoopbackBigQuery.Answer answer(
              String sql, List<LoopbackBigQuery.Parameter> parameters) {
            return LoopbackBigQuery.Answer.EMPTY;
          }

          @Override
          public Optional<String> partitionColumn(String dataset, String table) {
            return table.startsWith("nba_staging") || dataset.equals("nba_staging")
                ? Optional.empty()
                : Optional.of("game_date");
          }
        });
    return new BigQueryWarehouse(
        BigQueryOptions.newBuilder()
            .setProjectId("test-project")
            .setHost("http://" + server.host())
            .setCredentials(NoCredentials.getInstance())
            .build()
            .getService(),
        CATALOG,
        new JobRetry(
            attempts,
            Duration.ofMillis(50),
            Duration.ofMillis(400),
            duration -> Thread.sleep(duration.toMillis()),
            () -> 12_345L,
            StructuredLog.to((severity, message, labels) -> retries.add(message))));
  }

  private static Sql transaction(LocalDate first, LocalDate last) {
    return Sql.of(TRANSACTION).date("first", first).date("last", last);
  }

  private static Sql delete(LocalDate day) {
    return Sql.of(
            "DELETE FROM nba_precompute.player_composite_factors WHERE game_date = @partition")
        .date("partition", day);
  }

  /** Runs the tasks at once; each one's failure message, or null when it went through. */
  private List<String> together(List<Callable<Object>> tasks) throws Exception {
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> task : tasks) {
      futures.add(threads.submit(task));
      Thread.sleep(20); // in the order given, all within one job's time
    }
    List<String> failures = new ArrayList<>();
    for (Future<Object> future : futures) {
      try {
        future.get();
        failures.add(null);
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause().getMessage());
      }
    }
    return failures;
  }

  @Test
  void aSecondTransactionOnTheTableIsCancelledWithBigQuerysMessage() throws Exception {
    BigQueryWarehouse warehouse = warehouse(new BigQueryRules.JobTimes(HELD, HELD, HELD), 1);

    List<String> failures =
        together(
            List.of(
                () -> warehouse.execute(transaction(DAY, DAY.plusDays(9))),
                () -> warehouse.execute(transaction(DAY.plusDays(10), DAY.plusDays(19)))));

    assertThat(failures.get(0)).isNull();
    assertThat(failures.get(1))
        .contains(
            "Transaction is aborted due to concurrent update against table"
                + " test-project.nba_precompute.player_composite_factors");
    assertThat(server.rules().transactionsCancelled()).isEqualTo(1);
    assertThat(server.rules().transactionsCommitted()).isEqualTo(1);
  }

  @Test
  void aCancelledTransactionIsRunAgainByTheAdapterAndLands() throws Exception {
    BigQueryWarehouse warehouse = warehouse(new BigQueryRules.JobTimes(HELD, HELD, HELD), 6);

    List<String> failures =
        together(
            List.of(
                () -> warehouse.execute(transaction(DAY, DAY.plusDays(9))),
                () -> warehouse.execute(transaction(DAY.plusDays(10), DAY.plusDays(19)))));

    assertThat(failures).containsExactly(null, null);
    assertThat(server.rules().transactionsCommitted()).isEqualTo(2);
    assertThat(retries).isNotEmpty();
    assertThat(retries.get(0)).contains("Transaction is aborted due to concurrent update");
  }

  @Test
  void chunkWritesOfSixInstancesAtOnceAllLandFirstTimeAsMerges() throws Exception {
    BigQueryWarehouse warehouse = warehouse(new BigQueryRules.JobTimes(HELD, HELD, HELD), 1);
    List<Callable<Object>> chunks = new ArrayList<>();
    for (int chunk = 0; chunk < 6; chunk++) {
      LocalDate first = DAY.plusDays(40L * chunk);
      chunks.add(
          () -> {
            warehouse.replacePartitions(
                Tables.BACKFILL_PROCESSING_METADATA,
                List.of(
                    metadata(first), metadata(first.plusDays(1)), metadata(first.plusDays(39))));
            return null;
          });
    }

    List<String> failures = together(chunks);

    assertThat(failures).containsExactly(null, null, null, null, null, null);
    BigQueryRules.Counts counts = server.rules();
    assertThat(counts.transactionsCancelled()).isEqualTo(0);
    assertThat(counts.dmlQueued()).isAtLeast(1); // two run at once, the others wait their turn
    assertThat(retries).isEmpty();
  }

  @Test
  void aStatementBesideATransactionWaitsForItRatherThanFailing() throws Exception {
    BigQueryWarehouse warehouse = warehouse(new BigQueryRules.JobTimes(HELD, HELD, HELD), 1);

    List<String> failures =
        together(
            List.of(
                () -> warehouse.execute(transaction(DAY, DAY.plusDays(9))),
                () -> warehouse.execute(delete(DAY.plusDays(30)))));

    assertThat(failures).containsExactly(null, null);
    assertThat(server.rules().dmlQueued()).isEqualTo(1);
  }

  @Test
  void statementsOnTheSamePartitionConflictAndBigQueryRunsTheLaterAgain() throws Exception {
    BigQueryWarehouse warehouse = warehouse(new BigQueryRules.JobTimes(HELD, HELD, HELD), 1);

    List<String> failures =
        together(
            List.of(() -> warehouse.execute(delete(DAY)), () -> warehouse.execute(delete(DAY))));

    assertThat(failures).containsExactly(null, null);
    assertThat(server.rules().conflictsRetriedByBigQuery()).isEqualTo(1);
  }

  @Test
  void statementsOnOtherPartitionsRunSideBySideWithoutConflict() throws Exception {
    BigQueryWarehouse warehouse = warehouse(new BigQueryRules.JobTimes(HELD, HELD, HELD), 1);

    together(
        List.of(
            () -> warehouse.execute(delete(DAY)),
            () -> warehouse.execute(delete(DAY.plusDays(1)))));

    assertThat(server.rules().conflictsRetriedByBigQuery()).isEqualTo(0);
    assertThat(server.rules().dmlQueued()).isEqualTo(0);
  }

  @Test
  void beyondTwoRunningAndTwentyWaitingAStatementIsRefused() throws Exception {
    BigQueryWarehouse warehouse =
        warehouse(new BigQueryRules.JobTimes(Duration.ofMillis(700), HELD, HELD), 1);
    List<Callable<Object>> statements = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      LocalDate day = DAY.plusDays(i);
      statements.add(() -> warehouse.execute(delete(day)));
    }
    java.util.concurrent.CompletionService<Object> done =
        new java.util.concurrent.ExecutorCompletionService<>(threads);
    statements.forEach(done::submit);

    // The refused one answers at once; the 22 others are still running or waiting.
    java.util.concurrent.ExecutionException first =
        assertThrows(java.util.concurrent.ExecutionException.class, () -> done.take().get());
    List<String> refused = List.of(first.getCause().getMessage());

    assertThat(refused).hasSize(1);
    assertThat(refused.get(0))
        .contains(
            "Too many DML statements outstanding against table"
                + " test-project:nba_precompute.player_composite_factors, limit is 20");
    assertThat(server.rules().dmlQueueFull()).isEqualTo(1);
  }

  @Test
  void theSixthLoadIntoATableWithinTenSecondsIsRateLimitedWithARetryableError() throws Exception {
    BigQueryWarehouse warehouse = warehouse(BigQueryRules.JobTimes.NONE, 1);
    for (int i = 0; i < 5; i++) {
      warehouse.replaceAll(Tables.NBA_SCHEDULE, List.of(game(DAY.plusDays(i))));
    }

    WarehouseException refused =
        assertThrows(
            WarehouseException.class,
            () -> warehouse.replaceAll(Tables.NBA_SCHEDULE, List.of(game(DAY.plusDays(5)))));

    assertThat(refused).hasMessageThat().contains("too many table update operations");
    assertThat(server.rules().rateLimited()).isEqualTo(1);
    assertThat(JobRetry.retryable(((JobRetry.JobFailed) refused).error())).isTrue();
  }

  /**
   * A MERGE that replaces dates is run again after a backendError (twice ends as once); the INSERT
   * of an append is not: the error may have come after it landed.
   */
  @Test
  void aFailedAppendIsNotRunAgainWhileAFailedReplacementIs() throws Exception {
    BigQueryWarehouse warehouse = warehouse(BigQueryRules.JobTimes.NONE, 3);
    List<String> statements = new CopyOnWriteArrayList<>();
    server.answerWith(
        (sql, parameters) -> {
          statements.add(sql.substring(0, sql.indexOf(' ')));
          throw new LoopbackBigQuery.Refused("backendError", "Backend error. Please try again.");
        });

    assertThrows(
        WarehouseException.class,
        () -> warehouse.append(Tables.BACKFILL_PROCESSING_METADATA, List.of(metadata(DAY))));
    assertThat(statements).containsExactly("INSERT");
    assertThrows(
        WarehouseException.class,
        () ->
            warehouse.replacePartition(
                Tables.BACKFILL_PROCESSING_METADATA, DAY, List.of(metadata(DAY))));
    assertThat(statements).containsExactly("INSERT", "MERGE", "MERGE", "MERGE").inOrder();
    assertThat(retries).hasSize(2);
  }

  private static Row game(LocalDate date) {
    return Row.builder()
        .set("game_id", "g" + date)
        .set("game_date", date)
        .set("home_team_abbr", "BOS")
        .set("away_team_abbr", "NYK")
        .set("season_year", 2022L)
        .set("game_status", "FINAL")
        .build();
  }

  private static Row metadata(LocalDate date) {
    return BigQueryWarehouseTest.metadata(date);
  }
}
