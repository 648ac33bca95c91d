package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.port.Partitions;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes every call to a real warehouse and, once started, records what was asked: the SQL, and
 * each bulk write.
 */
final class RecordingWarehouse implements Warehouse {
  /** One call: a statement (query or DML), or a bulk write (sql null) into {@code table}. */
  record Call(String kind, Sql sql, String table) {}

  private final Warehouse delegate;
  private final List<Call> calls = new ArrayList<>();
  private boolean recording;

  RecordingWarehouse(Warehouse delegate) {
    this.delegate = delegate;
  }

  synchronized void record(boolean on) {
    recording = on;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private synchronized void add(String kind, Sql sql, String table) {
    if (recording) {
      calls.add(new Call(kind, sql, table));
    }
  }

  @Override
  public void createTables(List<TableDefinition> tables) {
    delegate.createTables(tables);
  }

  @Override
  public List<Row> query(Sql sql) {
    add("query", sql, null);
    return delegate.query(sql);
  }

  @Override
  public long execute(Sql sql) {
    add("dml", sql, null);
    return delegate.execute(sql);
  }

  @Override
  public void replacePartition(TableDefinition table, LocalDate partition, List<Row> rows) {
    add("load", null, table.name());
    delegate.replacePartition(table, partition, rows);
  }

  /**
   * On BigQuery: one partition is one load; more are a load into a staging table, then one
   * transaction (a second job).
   */
  @Override
  public void replacePartitions(TableDefinition table, List<Row> rows) {
    add("load", null, table.name());
    if (Partitions.of(table, rows).size() > 1) {
      add("script", null, table.name());
    }
    delegate.replacePartitions(table, rows);
  }

  @Override
  public void replaceAll(TableDefinition table, List<Row> rows) {
    add("load", null, table.name());
    delegate.replaceAll(table, rows);
  }

  @Override
  public void append(TableDefinition table, List<Row> rows) {
    if (!rows.isEmpty()) {
      add("load", null, table.name());
    }
    delegate.append(table, rows);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
