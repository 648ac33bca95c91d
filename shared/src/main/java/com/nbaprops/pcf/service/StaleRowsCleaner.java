package com.nbaprops.pcf.service;

import com.nbaprops.pcf.backup.BackupObjects;
import com.nbaprops.pcf.backup.NdjsonRows;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.StaleDate;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.TableCleanup;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TTL for one table: back up the stale rows (those with a partition date before the cutoff) one object per date,
 * read each object back, and only when every backup checks out delete them; then verify. Rows on or after the cutoff
 * are never selected, so never deleted.
 */
final class StaleRowsCleaner {
  private final Warehouse warehouse;
  private final BlobStore blobs;
  private final Catalog catalog;

  StaleRowsCleaner(Warehouse warehouse, BlobStore blobs, Catalog catalog) {
    this.warehouse = warehouse;
    this.blobs = blobs;
    this.catalog = catalog;
  }

  TableCleanup clean(TableDefinition table, LocalDate cutoff, String runId, boolean dryRun) {
    long keptBefore = countKept(table, cutoff);
    Map<LocalDate, List<Row>> stale = staleRowsByDate(table, cutoff);
    if (dryRun || stale.isEmpty()) {
      List<StaleDate> planned = new ArrayList<>();
      stale.forEach((date, rows) -> planned.add(new StaleDate(date, rows.size(), null)));
      return new TableCleanup(table.name(), planned, 0, 0, List.of());
    }

    List<StaleDate> backedUp = new ArrayList<>();
    long backedUpRows = 0;
    for (Map.Entry<LocalDate, List<Row>> entry : stale.entrySet()) {
      String object = BackupObjects.name(table, entry.getKey(), runId);
      try {
        backUp(table, object, entry.getValue());
      } catch (RuntimeException e) {
        List<StaleDate> dates = new ArrayList<>(backedUp);
        stale.keySet().stream()
            .filter(date -> !date.isBefore(entry.getKey()))
            .forEach(date -> dates.add(new StaleDate(date, stale.get(date).size(), null)));
        return new TableCleanup(
            table.name(), dates, backedUpRows, 0,
            List.of("backup of game_date " + entry.getKey() + " to " + blobs.describe(object) + " failed ("
                + e.getMessage() + "); nothing was deleted from this table"));
      }
      backedUp.add(new StaleDate(entry.getKey(), entry.getValue().size(), blobs.describe(object)));
      backedUpRows += entry.getValue().size();
    }

    long deleted =
        warehouse.execute(
            Sql.of("DELETE FROM " + catalog.qualifiedName(table) + " WHERE " + table.partitionColumn() + " < @cutoff")
                .date("cutoff", cutoff));
    return new TableCleanup(table.name(), backedUp, backedUpRows, deleted, verify(table, cutoff, keptBefore, backedUpRows, deleted));
  }

  /**
   * Writes one backup object and reads it back: the row count must match, or nothing gets deleted. A redelivered run
   * finds its own backup already there; identical content is not written again (the bucket's retention policy
   * refuses overwrites).
   */
  private void backUp(TableDefinition table, String object, List<Row> rows) {
    byte[] content = NdjsonRows.encode(table, rows);
    if (!blobs.read(object).map(existing -> Arrays.equals(existing, content)).orElse(false)) {
      blobs.write(object, content, NdjsonRows.CONTENT_TYPE);
    }
    byte[] stored =
        blobs.read(object).orElseThrow(() -> new IllegalStateException("the object is missing after the write"));
    int readBack = NdjsonRows.decode(table, stored).size();
    if (readBack != rows.size()) {
      throw new IllegalStateException("read back " + readBack + " rows, wrote " + rows.size());
    }
  }

  private List<String> verify(TableDefinition table, LocalDate cutoff, long keptBefore, long backedUp, long deleted) {
    List<String> problems = new ArrayList<>();
    if (deleted != backedUp) {
      problems.add(
          "deleted " + deleted + " rows but backed up " + backedUp
              + " (rows older than the cutoff were written during the run; check the table and the backups)");
    }
    long remaining = countStale(table, cutoff);
    if (remaining != 0) {
      problems.add(remaining + " rows before " + cutoff + " remain after the delete");
    }
    // More kept rows than before is fine (today's context may be written meanwhile); fewer would mean a kept row
    // was deleted, which must never happen.
    long keptAfter = countKept(table, cutoff);
    if (keptAfter < keptBefore) {
      problems.add("rows on or after " + cutoff + " went from " + keptBefore + " to " + keptAfter);
    }
    return problems;
  }

  private Map<LocalDate, List<Row>> staleRowsByDate(TableDefinition table, LocalDate cutoff) {
    String column = table.partitionColumn();
    List<Row> rows =
        warehouse.query(
            Sql.of("SELECT * FROM " + catalog.qualifiedName(table) + " WHERE " + column + " < @cutoff ORDER BY " + column)
                .date("cutoff", cutoff));
    Map<LocalDate, List<Row>> byDate = new TreeMap<>();
    for (Row row : rows) {
      byDate.computeIfAbsent(row.date(column), date -> new ArrayList<>()).add(row);
    }
    return byDate;
  }

  private long countStale(TableDefinition table, LocalDate cutoff) {
    return count(table, table.partitionColumn() + " < @cutoff", cutoff);
  }

  private long countKept(TableDefinition table, LocalDate cutoff) {
    return count(table, table.partitionColumn() + " >= @cutoff", cutoff);
  }

  private long count(TableDefinition table, String condition, LocalDate cutoff) {
    return warehouse
        .query(
            Sql.of("SELECT COUNT(*) AS row_count FROM " + catalog.qualifiedName(table) + " WHERE " + condition)
                .date("cutoff", cutoff))
        .get(0)
        .int64("row_count");
  }
}
