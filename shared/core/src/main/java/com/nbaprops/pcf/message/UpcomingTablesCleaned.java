package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Published on {@code upcoming-tables-cleaned} after every cleanup run, and stored (as JSON) in its
 * audit row: what was stale, where it was backed up, what was deleted and what went wrong.
 */
public record UpcomingTablesCleaned(
    String runId,
    Instant cleanupTime,
    int ttlDays,
    LocalDate cutoffDate,
    boolean dryRun,
    List<TableCleanup> tables,
    double durationSeconds) {

  public UpcomingTablesCleaned {
    requireNonNull(runId, "runId");
    requireNonNull(cutoffDate, "cutoffDate");
    tables = List.copyOf(tables);
  }

  /** SUCCEEDED when no table reported an error, FAILED otherwise. */
  public String status() {
    return errors().isEmpty() ? "SUCCEEDED" : "FAILED";
  }

  public long totalDeleted() {
    return tables.stream().mapToLong(TableCleanup::deleted).sum();
  }

  public long totalBackedUp() {
    return tables.stream().mapToLong(TableCleanup::backedUp).sum();
  }

  public long totalStale() {
    return tables.stream().mapToLong(TableCleanup::staleRows).sum();
  }

  /** Every error, prefixed with its table. */
  public List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (TableCleanup table : tables) {
      table.errors().forEach(error -> errors.add(table.table() + ": " + error));
    }
    return errors;
  }

  public List<String> backupObjects() {
    List<String> objects = new ArrayList<>();
    for (TableCleanup table : tables) {
      table.dates().stream()
          .map(StaleDate::backupObject)
          .filter(o -> o != null)
          .forEach(objects::add);
    }
    return objects;
  }

  /** One table's part of the run. */
  public record TableCleanup(
      String table, List<StaleDate> dates, long backedUp, long deleted, List<String> errors) {
    public TableCleanup {
      dates = List.copyOf(dates);
      errors = List.copyOf(errors);
    }

    public long staleRows() {
      return dates.stream().mapToLong(StaleDate::rows).sum();
    }

    JsonObject toJsonObject() {
      JsonObject json = new JsonObject();
      json.addProperty("table", table);
      json.addProperty("stale_rows", staleRows());
      json.addProperty("backed_up", backedUp);
      json.addProperty("deleted", deleted);
      JsonArray dateArray = new JsonArray();
      for (StaleDate date : dates) {
        JsonObject item = new JsonObject();
        item.addProperty("game_date", date.gameDate().toString());
        item.addProperty("rows", date.rows());
        item.addProperty("backup_object", date.backupObject());
        dateArray.add(item);
      }
      json.add("dates", dateArray);
      json.add("errors", strings(errors));
      return json;
    }

    static TableCleanup fromJsonObject(JsonObject json) {
      List<StaleDate> dates = new ArrayList<>();
      for (JsonElement element : json.getAsJsonArray("dates")) {
        JsonObject item = element.getAsJsonObject();
        JsonElement object = item.get("backup_object");
        dates.add(
            new StaleDate(
                LocalDate.parse(item.get("game_date").getAsString()),
                item.get("rows").getAsLong(),
                object == null || object.isJsonNull() ? null : object.getAsString()));
      }
      List<String> errors = new ArrayList<>();
      json.getAsJsonArray("errors").forEach(e -> errors.add(e.getAsString()));
      return new TableCleanup(
          json.get("table").getAsString(),
          dates,
          json.get("backed_up").getAsLong(),
          json.get("deleted").getAsLong(),
          errors);
    }
  }

  /**
   * The stale rows of one game date.
   *
   * @param backupObject where they were backed up; null in a dry run or when the backup failed
   */
  public record StaleDate(LocalDate gameDate, long rows, String backupObject) {}

  /** The per-table part alone, as stored in the audit row's {@code tables_cleaned}. */
  public String tablesJson() {
    JsonArray array = new JsonArray();
    tables.forEach(table -> array.add(table.toJsonObject()));
    return array.toString();
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("run_id", runId);
    json.addProperty("cleanup_time", cleanupTime.toString());
    json.addProperty("ttl_days", ttlDays);
    json.addProperty("cutoff_date", cutoffDate.toString());
    json.addProperty("dry_run", dryRun);
    json.addProperty("status", status());
    json.addProperty("total_records_deleted", totalDeleted());
    json.addProperty("total_records_backed_up", totalBackedUp());
    json.add("tables", JsonParser.parseString(tablesJson()));
    json.add("errors", strings(errors()));
    json.addProperty("duration_seconds", durationSeconds);
    return json.toString();
  }

  public static UpcomingTablesCleaned fromJson(String text) {
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      List<TableCleanup> tables = new ArrayList<>();
      json.getAsJsonArray("tables")
          .forEach(t -> tables.add(TableCleanup.fromJsonObject(t.getAsJsonObject())));
      return new UpcomingTablesCleaned(
          json.get("run_id").getAsString(),
          Instant.parse(json.get("cleanup_time").getAsString()),
          json.get("ttl_days").getAsInt(),
          LocalDate.parse(json.get("cutoff_date").getAsString()),
          json.get("dry_run").getAsBoolean(),
          tables,
          json.get("duration_seconds").getAsDouble());
    } catch (RuntimeException e) {
      throw new InvalidMessageException(
          "not an upcoming-tables-cleaned summary: " + e.getMessage());
    }
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }
}
