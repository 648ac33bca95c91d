package com.nbaprops.pcf.adapter.embedded.duckdb;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Dataset;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuckDbWarehouseTest {
  private static final TableDefinition SCORES =
      TableDefinition.builder(Dataset.PRECOMPUTE, "scores", "test table")
          .required("player", ColumnType.STRING, "")
          .required("game_date", ColumnType.DATE, "")
          .nullable("points", ColumnType.INT64, "")
          .nullable("rate", ColumnType.FLOAT64, "")
          .nullable("active", ColumnType.BOOL, "")
          .nullable("seen_at", ColumnType.TIMESTAMP, "")
          .partitionBy("game_date", true)
          .build();
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  private static final LocalDate FEB_24 = LocalDate.of(2023, 2, 24);

  private DuckDbWarehouse warehouse;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.inMemory(Catalog.defaults());
    warehouse.createTables(List.of(SCORES));
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private static Row score(String player, LocalDate date, Long points) {
    return Row.builder().set("player", player).set("game_date", date).set("points", points).build();
  }

  private List<String> players(LocalDate date) {
    return warehouse
        .query(
            Sql.of("SELECT player FROM nba_precompute.scores WHERE game_date = @d ORDER BY player")
                .date("d", date))
        .stream()
        .map(r -> r.string("player"))
        .toList();
  }

  @Test
  void roundTripsEveryType() {
    Instant at = Instant.parse("2023-02-24T04:30:00Z");
    warehouse.append(
        SCORES,
        List.of(
            Row.builder()
                .set("player", "a")
                .set("game_date", FEB_23)
                .set("points", 31L)
                .set("rate", 0.5)
                .set("active", true)
                .set("seen_at", at)
                .build()));
    Row row = warehouse.query(Sql.of("SELECT * FROM nba_precompute.scores")).get(0);
    assertThat(row.values())
        .containsExactly(
            "player",
            "a",
            "game_date",
            FEB_23,
            "points",
            31L,
            "rate",
            0.5,
            "active",
            true,
            "seen_at",
            at);
  }

  @Test
  void bindsTypedParameters() {
    warehouse.append(SCORES, List.of(score("a", FEB_23, 10L), score("b", FEB_23, 20L)));
    List<Row> rows =
        warehouse.query(
            Sql.of(
                    "SELECT COUNT(*) AS n, SUM(points) AS total FROM nba_precompute.scores WHERE points > @min")
                .int64("min", 5L));
    assertThat(rows.get(0).int64("n")).isEqualTo(2);
    assertThat(rows.get(0).int64("total")).isEqualTo(30);
  }

  @Test
  void replacingAPartitionTouchesNoOtherDate() {
    warehouse.append(
        SCORES, List.of(score("a", FEB_23, 1L), score("b", FEB_23, 1L), score("c", FEB_24, 1L)));
    warehouse.replacePartition(SCORES, FEB_23, List.of(score("z", FEB_23, 2L)));
    assertThat(players(FEB_23)).containsExactly("z");
    assertThat(players(FEB_24)).containsExactly("c");
  }

  @Test
  void replacingTwiceLeavesOneCopy() {
    List<Row> rows = List.of(score("a", FEB_23, 1L), score("b", FEB_23, 1L));
    warehouse.replacePartition(SCORES, FEB_23, rows);
    warehouse.replacePartition(SCORES, FEB_23, rows);
    assertThat(players(FEB_23)).containsExactly("a", "b").inOrder();
  }

  @Test
  void aFailedReplacementLeavesTheOldRows() {
    warehouse.append(SCORES, List.of(score("a", FEB_23, 1L), score("b", FEB_23, 1L)));
    Row broken = Row.builder().set("player", null).set("game_date", FEB_23).build();
    assertThrows(
        RuntimeException.class,
        () ->
            warehouse.replacePartition(SCORES, FEB_23, List.of(score("new", FEB_23, 1L), broken)));
    assertThat(players(FEB_23)).containsExactly("a", "b").inOrder();
  }

  @Test
  void replacingManyPartitionsReplacesThoseTheRowsNameAndNoOther() {
    LocalDate feb25 = FEB_24.plusDays(1);
    warehouse.append(
        SCORES, List.of(score("a", FEB_23, 1L), score("b", FEB_24, 1L), score("c", feb25, 1L)));

    warehouse.replacePartitions(
        SCORES, List.of(score("x", FEB_23, 2L), score("y", FEB_24, 2L), score("z", FEB_24, 2L)));

    assertThat(players(FEB_23)).containsExactly("x");
    assertThat(players(FEB_24)).containsExactly("y", "z").inOrder();
    assertThat(players(feb25)).containsExactly("c");
  }

  @Test
  void aFailedReplacementOfManyPartitionsLeavesEveryOneAsItWas() {
    warehouse.append(SCORES, List.of(score("a", FEB_23, 1L), score("b", FEB_24, 1L)));
    Row broken = Row.builder().set("player", null).set("game_date", FEB_24).build();

    assertThrows(
        RuntimeException.class,
        () ->
            warehouse.replacePartitions(
                SCORES, List.of(score("x", FEB_23, 2L), score("y", FEB_24, 2L), broken)));

    assertThat(players(FEB_23)).containsExactly("a");
    assertThat(players(FEB_24)).containsExactly("b");
  }

  @Test
  void noRowsNameNoPartitionToReplace() {
    assertThrows(
        IllegalArgumentException.class, () -> warehouse.replacePartitions(SCORES, List.of()));
  }

  @Test
  void aRowOfAnotherDateCannotReplaceAPartition() {
    assertThrows(
        IllegalArgumentException.class,
        () -> warehouse.replacePartition(SCORES, FEB_23, List.of(score("a", FEB_24, 1L))));
    assertThat(players(FEB_24)).isEmpty();
  }

  @Test
  void dmlReportsChangedRows() {
    warehouse.append(SCORES, List.of(score("a", FEB_23, 1L), score("b", FEB_24, 1L)));
    long deleted =
        warehouse.execute(
            Sql.of("DELETE FROM nba_precompute.scores WHERE game_date < @cutoff")
                .date("cutoff", FEB_24));
    assertThat(deleted).isEqualTo(1);
  }

  @Test
  void aBadStatementIsAWarehouseException() {
    assertThrows(
        WarehouseException.class,
        () -> warehouse.query(Sql.of("SELECT nope FROM nba_precompute.scores")));
    assertThat(players(FEB_23)).isEmpty();
  }

  @Test
  void persistsInAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path file = dir.resolve("sub/warehouse.duckdb");
    try (DuckDbWarehouse first = DuckDbWarehouse.open(file, Catalog.defaults())) {
      first.createTables(List.of(SCORES));
      first.append(SCORES, List.of(score("a", FEB_23, 1L)));
    }
    try (DuckDbWarehouse second = DuckDbWarehouse.open(file, Catalog.defaults())) {
      assertThat(
              second
                  .query(Sql.of("SELECT player FROM nba_precompute.scores"))
                  .get(0)
                  .string("player"))
          .isEqualTo("a");
    }
  }

  /**
   * A long-lived host whose threads come and go (serve's HTTP threads) must not pile up
   * connections.
   */
  @Test
  void callsFromThreadsThatComeAndGoShareTheConnectionsTheyLeave() throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      Thread thread = new Thread(() -> warehouse.append(SCORES, List.of(score("p", FEB_23, 1L))));
      thread.start();
      thread.join();
    }

    assertThat(players(FEB_23)).hasSize(20);
    assertThat(warehouse.connections()).isEqualTo(1);
  }

  /** Runs {@code write} on {@code threads} threads released at once, and waits for them. */
  private static void atOnce(int threads, Runnable write) throws Exception {
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  write.run();
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Pub/Sub's redelivery can overlap the first delivery: the replaced partition holds one copy. */
  @Test
  void concurrentReplacementsOfAnEmptyPartitionLeaveOneCopy() throws Exception {
    List<Row> rows =
        List.of(score("a", FEB_23, 1L), score("b", FEB_23, 1L), score("c", FEB_23, 1L));
    for (int round = 0; round < 10; round++) {
      warehouse.execute(Sql.of("DELETE FROM nba_precompute.scores WHERE TRUE"));

      atOnce(4, () -> warehouse.replacePartition(SCORES, FEB_23, rows));

      assertThat(players(FEB_23)).containsExactly("a", "b", "c").inOrder();
    }
  }

  /** The failures table's insert-if-absent: concurrent MERGEs of one new key insert it once. */
  @Test
  void concurrentMergesOfOneNewKeyInsertItOnce() throws Exception {
    Sql merge =
        Sql.of(
                "MERGE INTO nba_precompute.scores AS target USING (SELECT @player AS player) AS source"
                    + " ON target.player = source.player WHEN NOT MATCHED THEN"
                    + " INSERT (player, game_date) VALUES (@player, @d)")
            .string("player", "x")
            .date("d", FEB_23);
    for (int round = 0; round < 10; round++) {
      warehouse.execute(Sql.of("DELETE FROM nba_precompute.scores WHERE TRUE"));

      atOnce(4, () -> warehouse.execute(merge));

      assertThat(players(FEB_23)).containsExactly("x");
    }
  }
}
