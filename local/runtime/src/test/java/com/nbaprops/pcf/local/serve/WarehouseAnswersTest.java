package com.nbaprops.pcf.local.serve;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.bigquery.BigQueryWarehouseFactory;
import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Tables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cold starts' and the cloud run's BigQuery: the real client and adapter, over the loopback,
 * answered by the embedded warehouse. A function under the invoker must get what it would get from
 * DuckDB, and what it writes must land there.
 */
class WarehouseAnswersTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  private DuckDbWarehouse duckDb;
  private LoopbackBigQuery server;
  private Warehouse bigQuery;

  @BeforeEach
  void start() throws Exception {
    PipelineConfig config = PipelineConfig.fromEnvironment(Map.of(), ".");
    duckDb = DuckDbWarehouse.inMemory(config.catalog());
    duckDb.createTables(Tables.ALL);
    duckDb.append(
        Tables.BACKFILL_PROCESSING_METADATA,
        List.of(
            Row.builder()
                .set("analysis_date", DAY)
                .set("expected_players", 187L)
                .set("actual_players", 186L)
                .set("coverage_pct", 99.47)
                .set("status", "COMPLETE")
                .set("verdict", "PASS")
                .set("run_id", "r1")
                .set("tracked_at", Instant.parse("2023-02-24T09:00:00.250Z"))
                .build()));
    server = new LoopbackBigQuery();
    server.answerWith(new WarehouseAnswers(duckDb, config.catalog()));
    Map<String, String> env = Map.of(BigQueryWarehouseFactory.EMULATOR_HOST, server.host());
    bigQuery =
        new BigQueryWarehouseFactory()
            .open(
                BackendSpec.parse("WAREHOUSE", "bigquery:bench-project"),
                new PipelineRuntimeContext(config, env, Clock.systemUTC(), (s, m, l) -> {}));
  }

  @AfterEach
  void stop() {
    server.close();
    duckDb.close();
  }

  @Test
  void aQueryWithParametersOfEveryKindReturnsTheEmbeddedWarehousesRows() {
    Sql sql =
        Sql.of(
                "SELECT analysis_date, expected_players, coverage_pct, status, tracked_at,"
                    + " expected_players > @n AS many, data_source"
                    + " FROM nba_orchestration.backfill_processing_metadata"
                    + " WHERE analysis_date = @d AND status = @s AND tracked_at < @t AND @b")
            .date("d", DAY)
            .int64("n", 100L)
            .string("s", "COMPLETE")
            .timestamp("t", Instant.parse("2023-02-25T00:00:00Z"))
            .bool("b", true);

    assertThat(bigQuery.query(sql)).containsExactlyElementsIn(duckDb.query(sql));
    assertThat(bigQuery.query(sql).get(0).timestamp("tracked_at"))
        .isEqualTo(Instant.parse("2023-02-24T09:00:00.250Z"));
  }

  @Test
  void aDmlStatementChangesTheEmbeddedWarehouseAndCountsItsRows() {
    long changed =
        bigQuery.execute(
            Sql.of(
                    "UPDATE nba_orchestration.backfill_processing_metadata SET status = 'LOW'"
                        + " WHERE analysis_date = @d")
                .date("d", DAY));

    assertThat(changed).isEqualTo(1);
    assertThat(
            duckDb
                .query(Sql.of("SELECT status FROM nba_orchestration.backfill_processing_metadata"))
                .get(0)
                .string("status"))
        .isEqualTo("LOW");
  }

  private static Row metadata(LocalDate date, String status) {
    return Row.builder()
        .set("analysis_date", date)
        .set("expected_players", 187L)
        .set("actual_players", 187L)
        .set("coverage_pct", 100.0)
        .set("status", status)
        .set("verdict", "PASS")
        .set("run_id", "r2")
        .set("tracked_at", Instant.parse("2023-03-01T09:00:00Z"))
        .build();
  }

  private List<String> statuses() {
    return duckDb
        .query(
            Sql.of(
                "SELECT status FROM nba_orchestration.backfill_processing_metadata"
                    + " ORDER BY analysis_date"))
        .stream()
        .map(row -> row.string("status"))
        .toList();
  }

  @Test
  void aLoadIntoAPartitionReplacesItInTheEmbeddedWarehouse() {
    bigQuery.replacePartition(
        Tables.BACKFILL_PROCESSING_METADATA, DAY, List.of(metadata(DAY, "LOW")));

    assertThat(statuses()).containsExactly("LOW");
  }

  @Test
  void aChunkWriteStagesItsRowsThenMergesThemAndLeavesNoStagingTable() {
    bigQuery.replacePartitions(
        Tables.BACKFILL_PROCESSING_METADATA,
        List.of(metadata(DAY, "INCOMPLETE"), metadata(DAY.plusDays(1), "COMPLETE")));

    assertThat(statuses()).containsExactly("INCOMPLETE", "COMPLETE").inOrder();
    assertThat(
            duckDb.query(
                Sql.of(
                    "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'nba_staging'")))
        .isEmpty();
  }
}
