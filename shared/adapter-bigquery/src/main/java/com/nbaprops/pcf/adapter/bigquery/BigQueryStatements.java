package com.nbaprops.pcf.adapter.bigquery;

import static java.util.stream.Collectors.joining;

import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.sql.SqlTemplate;
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
   * The partitions the staged rows name, emptied; {@code @first} and {@code @last} bound them, so
   * BigQuery reads only those partitions.
   */
  public static Sql deleteStagedPartitions(
      Catalog catalog, TableDefinition table, String staging, LocalDate first, LocalDate last) {
    return Sql.of(
            catalog
                .template(
                    "DELETE FROM {table} WHERE {partition} BETWEEN @first AND @last"
                        + " AND {partition} IN (SELECT DISTINCT {partition} FROM {staging})",
                    table)
                .with("staging", staging)
                .render())
        .date("first", first)
        .date("last", last);
  }

  /** The staged rows, moved into the table. */
  public static Sql insertStaged(Catalog catalog, TableDefinition table, String staging) {
    return Sql.of(
        catalog
            .template("INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging}", table)
            .with("columns", table.columns().stream().map(Column::name).collect(joining(", ")))
            .with("staging", staging)
            .render());
  }

  /**
   * Both in one transaction, one job: every partition is replaced, or none (BigQuery's
   * multi-statement transactions).
   */
  public static Sql replaceStagedPartitions(
      Catalog catalog, TableDefinition table, String staging, LocalDate first, LocalDate last) {
    Sql delete = deleteStagedPartitions(catalog, table, staging, first, last);
    return new Sql(
        SqlTemplate.of("BEGIN TRANSACTION;\n{delete};\n{insert};\nCOMMIT TRANSACTION;")
            .with("delete", delete.text())
            .with("insert", insertStaged(catalog, table, staging).text())
            .render(),
        delete.parameters());
  }

  /**
   * Every statement the adapter can write for {@code table}; the staged writes read the table
   * itself in place of its staging copy, which has its columns.
   */
  public static List<Sql> all(Catalog catalog, TableDefinition table) {
    if (table.partitionColumn() == null) {
      return List.of(truncate(catalog, table));
    }
    String staging = catalog.qualifiedName(table);
    return List.of(
        deletePartition(catalog, table, LocalDate.EPOCH),
        truncate(catalog, table),
        deleteStagedPartitions(catalog, table, staging, LocalDate.EPOCH, LocalDate.EPOCH),
        insertStaged(catalog, table, staging));
  }
}
