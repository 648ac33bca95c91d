package com.nbaprops.pcf.adapter.embedded.duckdb;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** A failed statement or write says its cause in one line, the statement kept apart. */
class FailureWordsTest {
  private static final String DISK_FULL =
      "IO Error: Could not write file \"/data/warehouse.duckdb.wal\": No space left on device";

  /**
   * A commit the disk refuses ends the transaction: the rollback's own error ("no transaction is
   * active") must not replace the full disk as the cause.
   */
  @Test
  void aWriteTheDiskRefusesSaysTheDiskIsFullWhateverTheRollbackSays() throws SQLException {
    try (DuckDBConnection connection =
        (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbSession session = new DuckDbSession(connection, Catalog.defaults(), new WriteFailure());

      WarehouseException failure =
          assertThrows(
              WarehouseException.class,
              () ->
                  session.inTransaction(
                      () -> {
                        try (Statement statement = connection.createStatement()) {
                          statement.execute("COMMIT"); // the transaction is gone, as after the WAL
                        }
                        throw new SQLException(DISK_FULL);
                      }));

      assertThat(failure)
          .hasMessageThat()
          .isEqualTo(
              "the disk is full, the write rolled back (Could not write file"
                  + " \"/data/warehouse.duckdb.wal\": No space left on device); free space, then"
                  + " run again: each date is done or untouched");
    }
  }

  /** DuckDB aborts later writes with only "no transaction is active": told with the full disk. */
  @Test
  void aWriteAbortedAfterTheDiskFilledNamesTheFullDisk() {
    WriteFailure failures = new WriteFailure();
    failures.describe(new SQLException(DISK_FULL));

    String later =
        failures.describe(
            new SQLException("TransactionContext Error: cannot commit - no transaction is active"));

    assertThat(later).startsWith("the disk is full, the write rolled back (Could not write file");
  }

  /** Once a write goes through, the disk has room: a later abort is not blamed on it. */
  @Test
  void aWriteThatSucceedsClearsTheFullDisk() {
    WriteFailure failures = new WriteFailure();
    failures.describe(new SQLException(DISK_FULL));
    failures.succeeded();

    assertThat(
            failures.describe(
                new SQLException(
                    "TransactionContext Error: cannot commit - no transaction is active")))
        .isEqualTo(
            "write failed and was rolled back: TransactionContext Error: cannot commit - no"
                + " transaction is active");
  }

  /** A write whose connection cannot leave its transaction marks it unfit to lend again. */
  @Test
  void aConnectionLeftInATransactionIsNotLentAgain() throws SQLException {
    DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    DuckDbSession session = new DuckDbSession(connection, Catalog.defaults(), new WriteFailure());

    assertThrows(
        WarehouseException.class,
        () ->
            session.inTransaction(
                () -> {
                  connection.close(); // neither rollback nor autocommit can run any more
                  throw new SQLException("IO Error: the connection went away");
                }));

    assertThat(session.broken()).isTrue();
  }

  @Test
  void aColumnMissingFromAnUpstreamTableIsNamedWithItsTableAndTheStatementKeptApart() {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory(Catalog.defaults())) {
      warehouse.createTables(Tables.ALL);
      warehouse.execute(
          Sql.of(
              "ALTER TABLE nba_precompute.player_shot_zone_analysis DROP COLUMN"
                  + " paint_rate_last_10"));
      Sql read =
          Sql.of(
                  "SELECT player_lookup, paint_rate_last_10"
                      + " FROM nba_precompute.player_shot_zone_analysis WHERE analysis_date = @d")
              .date("d", LocalDate.of(2023, 2, 13));

      WarehouseException failure =
          assertThrows(WarehouseException.class, () -> warehouse.query(read));

      assertThat(failure)
          .hasMessageThat()
          .startsWith(
              "query failed: column paint_rate_last_10 is missing from"
                  + " nba_precompute.player_shot_zone_analysis (its schema differs from"
                  + " terraform/schemas): restore it, then reprocess");
      assertThat(failure).hasMessageThat().doesNotContain("SELECT");
      assertThat(failure.statement()).hasValue(read.text());
    }
  }
}
