package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.nbaprops.pcf.backup.NdjsonRows;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.StaleDate;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.TableCleanup;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TTL for one table: back up the stale rows (those with a partition date before the cutoff) one
 * object per date, read each object back, and only when every backup checks out delete them; then
 * verify. Rows on or after the cutoff are never selected, so never deleted.
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
    if (dryRun) {
      return new TableCleanup(table.name(), staleCounts(table, cutoff), 0, 0, List.of());
    }
    long keptBefore = countKept(table, cutoff);
    Map<LocalDate, List<Row>> stale = staleRowsByDate(table, cutoff);
    List<StaleDate> dates = new ArrayList<>();
    stale.forEach((date, rows) -> dates.add(new StaleDate(date, rows.size(), null)));
    for (int i = 0; i < dates.size(); i++) {
      LocalDate date = dates.get(i).gameDate();
      String object = BackupObjects.name(table, date, runId);
      try {
        backUp(table, object, stale.get(date));
      } catch (RuntimeException e) {
        return new TableCleanup(
            table.name(),
            dates,
            backedUp(dates),
            0,
            List.of(
                "backup of game_date "
                    + date
                    + " to "
                    + blobs.describe(object)
                    + " failed ("
                    + e.getMessage()
                    + "); nothing was deleted from this table"));
      }
      dates.set(i, new StaleDate(date, dates.get(i).rows(), blobs.describe(object)));
    }
    if (dates.isEmpty()) {
      return new TableCleanup(table.name(), dates, 0, 0, List.of());
    }

    long backedUp = backedUp(dates);
    long deleted =
        warehouse.execute(
            Sql.of(
                    catalog
                        .template("DELETE FROM {table} WHERE {partition} < @cutoff", table)
                        .render())
                .date("cutoff", cutoff));
    return new TableCleanup(
        table.name(),
        dates,
        backedUp,
        deleted,
        verify(table, cutoff, keptBefore, backedUp, deleted));
  }

  private static long backedUp(List<StaleDate> dates) {
    return dates.stream()
        .filter(date -> date.backupObject() != null)
        .mapToLong(StaleDate::rows)
        .sum();
  }

  /** What a dry run reports: the stale rows per date, counted, not read. */
  private List<StaleDate> staleCounts(TableDefinition table, LocalDate cutoff) {
    return warehouse
        .query(
            Sql.of(
                    catalog
                        .template(
                            "SELECT {partition} AS stale_date, COUNT(*) AS row_count FROM {table}"
                                + " WHERE {partition} < @cutoff GROUP BY {partition}"
                                + " ORDER BY {partition}",
                            table)
                        .render())
                .date("cutoff", cutoff))
        .stream()
        .map(row -> new StaleDate(row.date("stale_date"), row.int64("row_count"), null))
        .toList();
  }

  /**
   * Writes one backup object and reads it back: the row count must match, or nothing gets deleted.
   * A redelivered run finds its own backup already there; identical content is not written again
   * (the bucket's retention policy refuses overwrites).
   */
  private void backUp(TableDefinition table, String object, List<Row> rows) {
    byte[] content = NdjsonRows.encode(table, rows);
    if (!blobs.read(object).map(existing -> Arrays.equals(existing, content)).orElse(false)) {
      blobs.write(object, content, NdjsonRows.CONTENT_TYPE);
    }
    byte[] stored =
        blobs
            .read(object)
            .orElseThrow(() -> new IllegalStateException("the object is missing after the write"));
    int readBack = NdjsonRows.decode(table, stored).size();
    if (readBack != rows.size()) {
      throw new IllegalStateException("read back " + readBack + " rows, wrote " + rows.size());
    }
  }

  private List<String> verify(
      TableDefinition table, LocalDate cutoff, long keptBefore, long backedUp, long deleted) {
    List<String> problems = new ArrayList<>();
    if (deleted != backedUp) {
      problems.add(
          "deleted "
              + deleted
              + " rows but backed up "
              + backedUp
              + " (rows older than the cutoff were written during the run; check the table and the backups)");
    }
    long remaining = countStale(table, cutoff);
    if (remaining != 0) {
      problems.add(remaining + " rows before " + cutoff + " remain after the delete");
    }
    // More kept rows than before is fine (today's context may be written meanwhile); fewer would
    // mean a kept row
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
            Sql.of(
                    catalog
                        .template(
                            "SELECT * FROM {table} WHERE {partition} < @cutoff ORDER BY {order}",
                            table)
                        // A total order (the partition, then the key): the same backup object,
                        // byte for byte, whichever engine reads the rows.
                        .with("order", String.join(", ", totalOrder(table)))
                        .render())
                .date("cutoff", cutoff));
    Map<LocalDate, List<Row>> byDate = new TreeMap<>();
    for (Row row : rows) {
      byDate.computeIfAbsent(row.date(column), date -> new ArrayList<>()).add(row);
    }
    return byDate;
  }

  private long countStale(TableDefinition table, LocalDate cutoff) {
    return count(table, "<", cutoff);
  }

  private long countKept(TableDefinition table, LocalDate cutoff) {
    return count(table, ">=", cutoff);
  }

  /** The rows whose partition compares to the cutoff as {@code comparison} says. */
  private long count(TableDefinition table, String comparison, LocalDate cutoff) {
    return warehouse
        .query(
            Sql.of(
                    catalog
                        .template(
                            "SELECT COUNT(*) AS row_count FROM {table}"
                                + " WHERE {partition} {comparison} @cutoff",
                            table)
                        .with("comparison", comparison)
                        .render())
                .date("cutoff", cutoff))
        .get(0)
        .int64("row_count");
  }

  private static List<String> totalOrder(TableDefinition table) {
    List<String> order = new ArrayList<>();
    order.add(table.partitionColumn());
    order.addAll(table.key());
    return order;
  }
}
