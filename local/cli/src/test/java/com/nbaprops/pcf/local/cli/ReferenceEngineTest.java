package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the engines part: what BigQuery computes is not always what DuckDB computes. */
class ReferenceEngineTest {
  private static final PipelineConfig CONFIG = PipelineConfig.fromEnvironment(Map.of(), ".");
  private final ReferenceEngine reference = new ReferenceEngine(CONFIG.catalog(), Tables.ALL);

  private static Row schedule(String game, LocalDate date) {
    return Row.builder()
        .set("game_id", game)
        .set("game_date", date)
        .set("season_year", 2022L)
        .set("home_team_abbr", "BOS")
        .set("away_team_abbr", "PHI")
        .set("game_status", "FINAL")
        .build();
  }

  @Test
  void concatWithANullIsNullInGoogleSqlButNotInDuckDb() {
    Sql sql =
        Sql.of(
                "SELECT CONCAT(game_id, CAST(NULL AS STRING)) AS id, GREATEST(season_year, NULL) AS y"
                    + " FROM nba_analytics.nba_schedule WHERE game_date = @d")
            .date("d", LocalDate.of(2023, 2, 23));
    List<Row> rows = List.of(schedule("20230223_PHI_BOS", LocalDate.of(2023, 2, 23)));

    List<Row> bigQuery =
        reference.query(
            sql,
            Map.of(
                Tables.NBA_SCHEDULE,
                new ReferenceEngine.Slice(Tables.NBA_SCHEDULE.columns(), rows)));
    List<Row> duckDb;
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory(CONFIG.catalog())) {
      warehouse.createTables(Tables.ALL);
      warehouse.append(Tables.NBA_SCHEDULE, rows);
      duckDb = warehouse.query(sql);
    }

    assertThat(bigQuery.get(0).get("id")).isNull();
    assertThat(bigQuery.get(0).get("y")).isNull();
    assertThat(duckDb.get(0).get("id")).isEqualTo("20230223_PHI_BOS");
    assertThat(duckDb.get(0).get("y")).isEqualTo(2022L);
  }
}
