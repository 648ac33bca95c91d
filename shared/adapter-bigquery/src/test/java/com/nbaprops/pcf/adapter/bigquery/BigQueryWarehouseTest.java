package com.nbaprops.pcf.adapter.bigquery;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.loopback.LoopbackBigQuery.Call;
import com.nbaprops.pcf.port.Row;
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
 * The adapter with the real google-cloud-bigquery client, opened as a function opens it but with
 * {@code BIGQUERY_EMULATOR_HOST} naming a loopback server that records the REST calls.
 */
class BigQueryWarehouseTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  private LoopbackBigQuery server;
  private BigQueryWarehouse warehouse;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackBigQuery();
    Map<String, String> env = Map.of(BigQueryWarehouseFactory.EMULATOR_HOST, server.host());
    warehouse =
        (BigQueryWarehouse)
            new BigQueryWarehouseFactory()
                .open(
                    BackendSpec.parse("WAREHOUSE", "bigquery:test-project"),
                    new PipelineRuntimeContext(
                        PipelineConfig.fromEnvironment(env, "."),
                        env,
                        Clock.systemUTC(),
                        (s, m, l) -> {}));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Row metadata(LocalDate date) {
    return Row.builder()
        .set("analysis_date", date)
        .set("expected_players", 187L)
        .set("actual_players", 187L)
        .set("coverage_pct", 100.0)
        .set("status", "COMPLETE")
        .set("data_source", "SYNTHETIC")
        .set("verdict", "PASS")
        .set("feature_report", null)
        .set("run_id", "r1")
        .set("tracked_at", Instant.parse("2023-03-10T17:00:00.123456Z"))
        .build();
  }

  @Test
  void aQuerySendsGoogleSqlWithTypedNamedParameters() {
    warehouse.query(
        Sql.of("SELECT 1 FROM t WHERE d = @d AND n = @n AND s = @s AND b = @b")
            .date("d", DAY)
            .int64("n", 3L)
            .string("s", "x")
            .bool("b", true));

    JsonObject request = server.jobsStarted().get(0).json();
    assertThat(request.get("query").getAsString())
        .isEqualTo("SELECT 1 FROM t WHERE d = @d AND n = @n AND s = @s AND b = @b");
    assertThat(request.get("useLegacySql").getAsBoolean()).isFalse();
    var types = new java.util.HashMap<String, String>();
    var values = new java.util.HashMap<String, String>();
    request
        .getAsJsonArray("queryParameters")
        .forEach(
            p -> {
              var parameter = p.getAsJsonObject();
              String name = parameter.get("name").getAsString();
              types.put(name, parameter.getAsJsonObject("parameterType").get("type").getAsString());
              values.put(
                  name, parameter.getAsJsonObject("parameterValue").get("value").getAsString());
            });
    assertThat(types).containsExactly("d", "DATE", "n", "INT64", "s", "STRING", "b", "BOOL");
    assertThat(values).containsExactly("d", "2023-02-23", "n", "3", "s", "x", "b", "true");
  }

  @Test
  void queryRowsComeBackAsPlainJavaTypes() {
    server.answerQueries(
        List.of(
            new String[] {"player_lookup", "STRING"},
            new String[] {"players", "INTEGER"},
            new String[] {"pct", "FLOAT"},
            new String[] {"game_date", "DATE"},
            new String[] {"ok", "BOOLEAN"},
            new String[] {"at_time", "TIMESTAMP"}),
        List.of(List.of("nikolajokic", "187", "99.5", "2023-02-23", "true", "1677171600500000")));

    Row row = warehouse.query(Sql.of("SELECT ...")).get(0);

    assertThat(row.values())
        .containsExactly(
            "player_lookup",
            "nikolajokic",
            "players",
            187L,
            "pct",
            99.5,
            "game_date",
            DAY,
            "ok",
            true,
            "at_time",
            Instant.parse("2023-02-23T17:00:00.500Z"))
        .inOrder();
  }

  @Test
  void dmlReturnsTheAffectedRowCountOfItsJob() {
    server.answerDml(42);

    long deleted =
        warehouse.execute(
            Sql.of("DELETE FROM nba_analytics.t WHERE game_date < @cutoff").date("cutoff", DAY));

    assertThat(deleted).isEqualTo(42);
    JsonObject query =
        server
            .jobsStarted()
            .get(0)
            .json()
            .getAsJsonObject("configuration")
            .getAsJsonObject("query");
    assertThat(query.get("useLegacySql").getAsBoolean()).isFalse();
  }

  /** Never a load into the table itself: that needs bigquery.tables.update on it. */
  @Test
  void replacingADateLoadsAStagingTableThenMergesItsOneDate() {
    warehouse.replacePartition(Tables.BACKFILL_PROCESSING_METADATA, DAY, List.of(metadata(DAY)));

    List<Call> jobs = server.jobsStarted();
    assertThat(jobs).hasSize(2);
    JsonObject load = jobs.get(0).json().getAsJsonObject("configuration").getAsJsonObject("load");
    JsonObject destination = load.getAsJsonObject("destinationTable");
    assertThat(destination.get("datasetId").getAsString()).isEqualTo("nba_staging");
    assertThat(load.get("writeDisposition").getAsString()).isEqualTo("WRITE_TRUNCATE");
    assertThat(load.get("createDisposition").getAsString()).isEqualTo("CREATE_NEVER");
    assertThat(load.get("sourceFormat").getAsString()).isEqualTo("NEWLINE_DELIMITED_JSON");
    JsonObject merge = jobs.get(1).json().getAsJsonObject("configuration").getAsJsonObject("query");
    assertThat(merge.get("query").getAsString())
        .startsWith("MERGE INTO nba_orchestration.backfill_processing_metadata");
    assertThat(merge.toString()).contains("2023-02-23");
    Call data =
        server.calls().stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
    assertThat(data.body().lines().count()).isEqualTo(1);
    assertThat(data.body()).contains("\"tracked_at\":\"2023-03-10T17:00:00.123456Z\"");
    assertThat(server.calls().stream().anyMatch(c -> c.path().endsWith("/insertAll"))).isFalse();
    assertThat(
            server.calls().stream()
                .anyMatch(c -> c.method().equals("DELETE") && c.path().contains("nba_staging")))
        .isTrue();
  }

  @Test
  void replacingManyDatesIsALoadIntoAnExpiringStagingTableThenOneMerge() {
    warehouse.replacePartitions(
        Tables.BACKFILL_PROCESSING_METADATA,
        List.of(metadata(DAY), metadata(DAY.plusDays(2)), metadata(DAY.plusDays(1))));

    Call created =
        server.calls().stream()
            .filter(c -> c.method().equals("POST") && c.path().endsWith("/tables"))
            .findFirst()
            .orElseThrow();
    assertThat(created.path()).contains("/datasets/nba_staging/");
    assertThat(created.json().has("expirationTime")).isTrue();
    String staging = created.json().getAsJsonObject("tableReference").get("tableId").getAsString();
    List<Call> jobs = server.jobsStarted();
    assertThat(jobs).hasSize(2);
    JsonObject load = jobs.get(0).json().getAsJsonObject("configuration").getAsJsonObject("load");
    assertThat(load.getAsJsonObject("destinationTable").get("tableId").getAsString())
        .isEqualTo(staging);
    JsonObject query = jobs.get(1).json().getAsJsonObject("configuration").getAsJsonObject("query");
    String merge = query.get("query").getAsString();
    assertThat(merge).startsWith("MERGE INTO nba_orchestration.backfill_processing_metadata");
    assertThat(merge).contains("USING nba_staging." + staging + " AS source");
    assertThat(merge).contains("THEN DELETE");
    assertThat(merge).doesNotContain("TRANSACTION");
    assertThat(query.toString()).contains("2023-02-25"); // @last: the latest of the dates
    assertThat(server.rules().transactionsCommitted()).isEqualTo(0);
  }

  @Test
  void aRowOfAnotherDateIsRefusedBeforeAnyCall() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            warehouse.replacePartition(
                Tables.BACKFILL_PROCESSING_METADATA, DAY, List.of(metadata(DAY.plusDays(1)))));

    assertThat(server.calls()).isEmpty();
  }

  @Test
  void emptyingADateIsOneDelete() {
    warehouse.replacePartition(Tables.BACKFILL_PROCESSING_METADATA, DAY, List.of());

    JsonObject query =
        server
            .jobsStarted()
            .get(0)
            .json()
            .getAsJsonObject("configuration")
            .getAsJsonObject("query");
    assertThat(query.get("query").getAsString())
        .isEqualTo(
            "DELETE FROM nba_orchestration.backfill_processing_metadata WHERE analysis_date = @partition");
    assertThat(server.jobsStarted()).hasSize(1);
  }

  @Test
  void appendingLoadsAStagingTableThenInsertsItsRows() {
    warehouse.append(
        Tables.BACKFILL_PROCESSING_METADATA, List.of(metadata(DAY), metadata(DAY.plusDays(1))));
    warehouse.append(Tables.BACKFILL_PROCESSING_METADATA, List.of(metadata(DAY)));

    List<Call> jobs = server.jobsStarted();
    JsonObject load = jobs.get(0).json().getAsJsonObject("configuration").getAsJsonObject("load");
    assertThat(load.getAsJsonObject("destinationTable").get("datasetId").getAsString())
        .isEqualTo("nba_staging");
    String insert =
        jobs.get(1)
            .json()
            .getAsJsonObject("configuration")
            .getAsJsonObject("query")
            .get("query")
            .getAsString();
    assertThat(insert).startsWith("INSERT INTO nba_orchestration.backfill_processing_metadata (");
    assertThat(jobs).hasSize(4);
    assertThat(
            server.calls().stream()
                .filter(c -> c.method().equals("DELETE") && c.path().contains("nba_staging"))
                .count())
        .isEqualTo(2);
  }

  @Test
  void tablesAreCreatedPartitionedAndClusteredFromTheSharedDefinitions() {
    warehouse.createTables(List.of(Tables.PLAYER_COMPOSITE_FACTORS));

    JsonObject table =
        server.calls().stream()
            .filter(c -> c.method().equals("POST") && c.path().endsWith("/tables"))
            .findFirst()
            .orElseThrow()
            .json();
    assertThat(table.getAsJsonObject("tableReference").get("tableId").getAsString())
        .isEqualTo("player_composite_factors");
    assertThat(table.getAsJsonObject("timePartitioning").get("field").getAsString())
        .isEqualTo("game_date");
    assertThat(table.getAsJsonObject("timePartitioning").get("type").getAsString())
        .isEqualTo("DAY");
    assertThat(table.get("requirePartitionFilter").getAsBoolean()).isTrue();
    assertThat(table.getAsJsonObject("clustering").getAsJsonArray("fields").toString())
        .isEqualTo("[\"player_lookup\",\"game_date\"]");
    assertThat(table.getAsJsonObject("schema").getAsJsonArray("fields"))
        .hasSize(Tables.PLAYER_COMPOSITE_FACTORS.columns().size());
    assertThat(
            server.calls().stream()
                .anyMatch(c -> c.method().equals("POST") && c.path().endsWith("/datasets")))
        .isTrue();
  }
}
