package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.nbaprops.pcf.backup.NdjsonRows;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the rows a cleanup backed up back into their table. A row whose key is already in the table
 * is skipped, so a restore run twice (or after the rows were rebuilt) adds nothing the second time.
 */
public final class BackupRestoreService {
  private final Warehouse warehouse;
  private final BlobStore blobs;
  private final Catalog catalog;

  public BackupRestoreService(Warehouse warehouse, BlobStore blobs, Catalog catalog) {
    this.warehouse = warehouse;
    this.blobs = blobs;
    this.catalog = catalog;
  }

  /**
   * What a restore did.
   *
   * @param objects the backup objects read
   * @param restored rows inserted
   * @param alreadyPresent backed-up rows skipped because their key was in the table
   */
  public record Result(
      String table, LocalDate gameDate, List<String> objects, int restored, int alreadyPresent) {}

  /** The upcoming table called {@code name}. */
  public static TableDefinition table(String name) {
    return Tables.UPCOMING.stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + name
                        + "' is not a table the cleanup backs up; use one of "
                        + Tables.UPCOMING.stream().map(TableDefinition::name).toList()));
  }

  /**
   * Restores one game date from the backup of run {@code runId}, or from every backup of that date
   * (a later run's copy of a row wins) when no run is given.
   *
   * @throws NoSuchElementException when there is no such backup, naming the runs there are
   */
  public Result restore(TableDefinition table, LocalDate gameDate, Optional<String> runId) {
    List<String> available = blobs.list(BackupObjects.prefix(table, gameDate));
    List<String> chosen =
        runId
            .map(
                run ->
                    available.stream()
                        .filter(name -> BackupObjects.runId(name).equals(run))
                        .toList())
            .orElse(available);
    if (chosen.isEmpty()) {
      throw new NoSuchElementException(
          "no backup of "
              + table.name()
              + " for "
              + gameDate
              + runId.map(r -> " from run " + r).orElse("")
              + (available.isEmpty()
                  ? "; nothing was backed up for that date"
                  : "; runs with a backup: "
                      + available.stream().map(BackupObjects::runId).toList()));
    }

    Map<List<Object>, Row> backedUp = new LinkedHashMap<>();
    for (String object : chosen) {
      byte[] content =
          blobs.read(object).orElseThrow(() -> new NoSuchElementException(object + " disappeared"));
      for (Row row : NdjsonRows.decode(table, content)) {
        if (!gameDate.equals(row.date(table.partitionColumn()))) {
          throw new IllegalArgumentException(
              blobs.describe(object)
                  + " holds a row for "
                  + row.date(table.partitionColumn())
                  + ", not "
                  + gameDate);
        }
        backedUp.put(key(table, row), row);
      }
    }
    Set<List<Object>> present =
        existingRows(table, gameDate).stream()
            .map(row -> key(table, row))
            .collect(Collectors.toSet());
    List<Row> missing = new ArrayList<>();
    backedUp.forEach(
        (key, row) -> {
          if (!present.contains(key)) {
            missing.add(row);
          }
        });
    warehouse.append(table, missing);
    return new Result(
        table.name(),
        gameDate,
        chosen.stream().map(blobs::describe).toList(),
        missing.size(),
        backedUp.size() - missing.size());
  }

  private List<Row> existingRows(TableDefinition table, LocalDate gameDate) {
    return warehouse.query(
        Sql.of(
                catalog
                    .template("SELECT {key} FROM {table} WHERE {partition} = @game_date", table)
                    .with("key", String.join(", ", table.key()))
                    .render())
            .date("game_date", gameDate));
  }

  private static List<Object> key(TableDefinition table, Row row) {
    List<Object> key = new ArrayList<>();
    table.key().forEach(column -> key.add(row.get(column)));
    return key;
  }
}
