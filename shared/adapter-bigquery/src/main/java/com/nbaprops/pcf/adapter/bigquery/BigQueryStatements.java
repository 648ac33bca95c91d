package com.nbaprops.pcf.adapter.bigquery;

import static java.util.stream.Collectors.joining;

import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.List;

/**
 * The statements the BigQuery adapter writes itself (the rest come from the services), public so
 * tests analyse them.
 */
public final class BigQueryStatements {
  private BigQueryStatements() {}

  /** Empties one partition: what replacing a date with no rows amounts to. */
  public static Sql deletePartition(Catalog catalog, TableDefinition table, LocalDate partition) {
    return Sql.of(
            catalog.template("DELETE FROM {table} WHERE {partition} = @partition", table).render())
        .date("partition", partition);
  }

  public static Sql truncate(Catalog catalog, TableDefinition table) {
    return Sql.of(catalog.template("TRUNCATE TABLE {table}", table).render());
  }

  /**
   * The partitions the staged rows name, replaced by the staged rows, in one MERGE: one DML
   * statement is atomic on its own, so every partition is replaced or none. It is one statement,
   * not a {@code BEGIN TRANSACTION} script, because of BigQuery's concurrency rules: a transaction
   * that mutates a table is cancelled when another one mutates it at the same time, while a
   * mutating DML statement is queued, and two of them on different partitions do not conflict
   * (https://cloud.google.com/bigquery/docs/transactions#transaction_concurrency,
   * https://cloud.google.com/bigquery/docs/data-manipulation-language#dml_statement_conflicts). A
   * chunk's dates are its own, so concurrent chunks never touch each other's partitions. {@code ON
   * FALSE} matches nothing: every target row of a staged partition is deleted, every staged row
   * inserted. {@code @first} and {@code @last} bound the partitions, so BigQuery reads only those.
   */
  public static Sql mergeStagedPartitions(
      Catalog catalog, TableDefinition table, String staging, LocalDate first, LocalDate last) {
    List<String> columns = table.columns().stream().map(Column::name).toList();
    return Sql.of(
            catalog
                .template(
                    """
                    MERGE INTO {table} AS target
                    USING {staging} AS source
                    ON FALSE
                    WHEN NOT MATCHED BY SOURCE
                      AND target.{partition} BETWEEN @first AND @last
                      AND target.{partition} IN (SELECT DISTINCT {partition} FROM {staging})
                      THEN DELETE
                    WHEN NOT MATCHED THEN
                      INSERT ({columns}) VALUES ({values})""",
                    table)
                .with("staging", staging)
                .with("columns", String.join(", ", columns))
                .with(
                    "values",
                    columns.stream().map(column -> "source." + column).collect(joining(", ")))
                .render())
        .date("first", first)
        .date("last", last);
  }

  /**
   * Appends the staged rows: one INSERT, so the account that appends needs to change a table's rows
   * only, never its metadata (a load into the table itself needs {@code bigquery.tables.update}).
   */
  public static Sql insertStaged(Catalog catalog, TableDefinition table, String staging) {
    String columns = table.columns().stream().map(Column::name).collect(joining(", "));
    return Sql.of(
        catalog
            .template("INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging}", table)
            .with("staging", staging)
            .with("columns", columns)
            .render());
  }

  /**
   * Every statement the adapter can write for {@code table}; the staged writes read the table
   * itself in place of its staging copy, which has its columns.
   */
  public static List<Sql> all(Catalog catalog, TableDefinition table) {
    String staging = catalog.qualifiedName(table);
    if (table.partitionColumn() == null) {
      return List.of(truncate(catalog, table), insertStaged(catalog, table, staging));
    }
    return List.of(
        insertStaged(catalog, table, staging),
        deletePartition(catalog, table, LocalDate.EPOCH),
        truncate(catalog, table),
        mergeStagedPartitions(catalog, table, staging, LocalDate.EPOCH, LocalDate.EPOCH));
  }
}
