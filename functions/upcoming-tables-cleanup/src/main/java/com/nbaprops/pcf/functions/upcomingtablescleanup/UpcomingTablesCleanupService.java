package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.google.gson.JsonArray;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CleanupRequest;
import com.nbaprops.pcf.message.UpcomingTablesCleaned;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.TableCleanup;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.TopicPublisher;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The daily TTL of the upcoming context tables. Each table is cleaned on its own (one table's
 * failure does not stop the other); the run is audited in {@code cleanup_operations} whatever
 * happened, summarised on {@code upcoming-tables-cleaned}, and a run with errors then throws, so
 * Pub/Sub redelivers it: the tables that were cleaned have nothing stale left, and the rest are
 * tried again.
 */
final class UpcomingTablesCleanupService {
  static final String CLEANUP_TYPE = "upcoming_tables_ttl";

  private final Warehouse warehouse;
  private final Catalog catalog;
  private final StaleRowsCleaner cleaner;
  private final int defaultTtlDays;
  private final int largeDeletionRows;
  private final TopicPublisher publisher;
  private final LeagueClock clock;
  private final StructuredLog log;

  UpcomingTablesCleanupService(
      Warehouse warehouse,
      BlobStore blobs,
      PipelineConfig config,
      TopicPublisher publisher,
      LeagueClock clock,
      StructuredLog log) {
    this.warehouse = warehouse;
    this.catalog = config.catalog();
    this.cleaner = new StaleRowsCleaner(warehouse, blobs, config.catalog());
    this.defaultTtlDays = config.cleanupTtlDays();
    this.largeDeletionRows = config.largeDeletionRows();
    this.publisher = publisher;
    this.clock = clock;
    this.log = log;
  }

  /**
   * @throws CleanupFailedException after auditing and publishing, when a table could not be cleaned
   *     and verified
   */
  UpcomingTablesCleaned run(CleanupRequest request) {
    Instant started = clock.now();
    int ttlDays = request.ttlDays().orElse(defaultTtlDays);
    LocalDate today = clock.today();
    LocalDate cutoff = today.minusDays(ttlDays);
    StructuredLog log = this.log.with("run_id", request.runId());
    log.info(
        String.format(
            "%scleaning rows with game_date before %s (TTL %d days, trigger %s)",
            request.dryRun() ? "dry run: " : "", cutoff, ttlDays, request.trigger()));
    List<TableCleanup> tables = new ArrayList<>();
    for (TableDefinition table : Tables.UPCOMING) {
      tables.add(cleanTable(table, cutoff, request, log));
    }
    double seconds = Duration.between(started, clock.now()).toMillis() / 1000.0;
    UpcomingTablesCleaned summary =
        new UpcomingTablesCleaned(
            request.runId(), started, ttlDays, cutoff, request.dryRun(), tables, seconds);

    audit(summary, today, log);
    report(summary, log);
    publisher.publish(
        Topic.UPCOMING_TABLES_CLEANED, summary.toJson(), Attributes.of(request.runId(), null));
    if (!summary.errors().isEmpty()) {
      throw new CleanupFailedException(summary);
    }
    return summary;
  }

  private TableCleanup cleanTable(
      TableDefinition table, LocalDate cutoff, CleanupRequest request, StructuredLog log) {
    try {
      return cleaner.clean(table, cutoff, request.runId(), request.dryRun());
    } catch (RuntimeException e) {
      log.error(table.name() + ": cleanup failed: " + e.getMessage(), e);
      return new TableCleanup(
          table.name(), List.of(), 0, 0, List.of(String.valueOf(e.getMessage())));
    }
  }

  /**
   * The audit row is written even for a failed run; if it cannot be written, the summary is at
   * least in the log.
   */
  private void audit(UpcomingTablesCleaned summary, LocalDate today, StructuredLog log) {
    JsonArray objects = new JsonArray();
    summary.backupObjects().forEach(objects::add);
    JsonArray errors = new JsonArray();
    summary.errors().forEach(errors::add);
    Row row =
        Row.builder()
            .set("cleanup_id", auditId(summary.runId()))
            .set("cleanup_type", CLEANUP_TYPE)
            .set("run_id", summary.runId())
            .set("cleanup_date", today)
            .set("cleanup_time", summary.cleanupTime())
            .set("ttl_days", (long) summary.ttlDays())
            .set("cutoff_date", summary.cutoffDate())
            .set("dry_run", summary.dryRun())
            .set("status", summary.status())
            .set("total_records_backed_up", summary.totalBackedUp())
            .set("total_records_deleted", summary.totalDeleted())
            .set("tables_cleaned", summary.tablesJson())
            .set("backup_objects", objects.isEmpty() ? null : objects.toString())
            .set("errors", errors.isEmpty() ? null : errors.toString())
            .set("duration_seconds", summary.durationSeconds())
            .build();
    try {
      warehouse.execute(RowMerge.of(catalog, Tables.CLEANUP_OPERATIONS, "cleanup_id", row));
    } catch (RuntimeException e) {
      log.error(
          "audit row not written (" + e.getMessage() + "); the run was: " + summary.toJson(), e);
      throw e;
    }
  }

  /** The run's audit row: one per run, however often Pub/Sub redelivers it. */
  static String auditId(String runId) {
    return UUID.nameUUIDFromBytes((CLEANUP_TYPE + "|" + runId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private void report(UpcomingTablesCleaned summary, StructuredLog log) {
    for (TableCleanup table : summary.tables()) {
      String verb =
          summary.dryRun()
              ? "would back up and delete "
              : "backed up " + table.backedUp() + ", deleted ";
      log.info(
          table.table()
              + ": "
              + verb
              + (summary.dryRun() ? table.staleRows() : table.deleted())
              + " of "
              + table.staleRows()
              + " stale rows over "
              + table.dates().size()
              + " game dates");
    }
    summary.errors().forEach(log::error);
    int threshold = largeDeletionRows;
    if (!summary.dryRun() && summary.totalDeleted() > threshold) {
      log.with("alert", "large_deletion")
          .warning(
              "unusually large deletion: "
                  + summary.totalDeleted()
                  + " upcoming-context rows deleted (more than "
                  + threshold
                  + "); the backups are in "
                  + summary.backupObjects().size()
                  + " objects. Check that the upcoming-context processor is running every day.");
    }
  }

  /** A run that audited and published its summary, but left a table not cleaned or not verified. */
  public static final class CleanupFailedException extends RuntimeException {
    private final transient UpcomingTablesCleaned summary;

    CleanupFailedException(UpcomingTablesCleaned summary) {
      super(
          "upcoming-tables cleanup "
              + summary.runId()
              + " failed: "
              + String.join("; ", summary.errors()));
      this.summary = summary;
    }

    public UpcomingTablesCleaned summary() {
      return summary;
    }
  }
}
