package com.nbaprops.pcf.port;

import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.List;

/** The data warehouse: BigQuery in the cloud, DuckDB on a laptop and in tests. */
public interface Warehouse extends AutoCloseable {

  /** Creates the tables (and their datasets) that do not exist yet. */
  void createTables(List<TableDefinition> tables);

  List<Row> query(Sql sql);

  /** Runs a DML statement; returns the number of rows it changed. */
  long execute(Sql sql);

  /**
   * Replaces every row of {@code table} whose partition column equals {@code partition} with {@code
   * rows}, in one atomic step: readers see the old rows or the new ones, never a mix, and a failure
   * leaves the old rows.
   *
   * @throws IllegalArgumentException when a row belongs to another partition
   */
  void replacePartition(TableDefinition table, LocalDate partition, List<Row> rows);

  /**
   * Replaces every partition the rows belong to with those rows, in one atomic step across the
   * partitions: a failure leaves every one of them as it was. A chunk of dates is written this way:
   * one write, not one per date.
   *
   * @throws IllegalArgumentException when there are no rows (a partition to empty is {@link
   *     #replacePartition} with none)
   */
  void replacePartitions(TableDefinition table, List<Row> rows);

  /** Replaces the whole content of {@code table} atomically. */
  void replaceAll(TableDefinition table, List<Row> rows);

  /** Appends rows in one atomic bulk write. */
  void append(TableDefinition table, List<Row> rows);

  @Override
  void close();
}
