package com.nbaprops.pcf.local.operations;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.UpcomingTablesCleaned;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.StaleDate;
import com.nbaprops.pcf.message.UpcomingTablesCleaned.TableCleanup;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the upcoming-tables TTL: the message the 04:00 scheduler sends to
 * upcoming-tables-cleanup-trigger, and the function's summary per table and game date.
 */
public final class Cleanup {
  private Cleanup() {}

  /** Publishes the trigger, lets the function run, prints its summary; exit 1 if a table failed. */
  public static int run(LocalRuntime local, boolean dryRun, Integer ttlDays, PrintWriter out) {
    String runId = local.runtime().leagueClock().newRunId();
    JsonObject trigger = new JsonObject();
    trigger.addProperty("trigger", "manual");
    trigger.addProperty("dry_run", dryRun);
    if (ttlDays != null) {
      trigger.addProperty("ttl_days", ttlDays);
    }
    trigger.addProperty("run_id", runId);
    String id =
        local
            .runtime()
            .publisher()
            .publish(
                Topic.UPCOMING_TABLES_CLEANUP_TRIGGER,
                trigger.toString(),
                Attributes.of(runId, null));
    return local
        .delivery()
        .outcome(
            Topic.UPCOMING_TABLES_CLEANUP_TRIGGER,
            "message " + id,
            out,
            () -> summary(local, runId, out));
  }

  /** The function's summary of run {@code runId}; {@link ExitCodes#PROBLEM} if a table failed. */
  private static int summary(LocalRuntime local, String runId, PrintWriter out) {
    List<UpcomingTablesCleaned> attempts =
        local
            .bus()
            .published(local.runtime().config().topic(Topic.UPCOMING_TABLES_CLEANED))
            .stream()
            .map(message -> UpcomingTablesCleaned.fromJson(message.data()))
            .filter(summary -> summary.runId().equals(runId))
            .toList();
    if (attempts.isEmpty()) {
      out.println("run " + runId + ": the cleanup did not run; see the errors above");
      return ExitCodes.PROBLEM;
    }
    UpcomingTablesCleaned last = attempts.get(attempts.size() - 1);
    print(last, attempts.size(), out);
    return last.errors().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  private static void print(UpcomingTablesCleaned summary, int attempts, PrintWriter out) {
    out.println(
        "run "
            + summary.runId()
            + (summary.dryRun() ? " (dry run: nothing changed)" : "")
            + ": rows with game_date"
            + " before "
            + summary.cutoffDate()
            + " (TTL "
            + summary.ttlDays()
            + " days)");
    List<TableCleanup> tables = summary.tables();
    printByDate(tables, out);
    for (TableCleanup table : tables) {
      out.printf(
          "%s: %d stale rows over %d dates; %s%n",
          table.table(),
          table.staleRows(),
          table.dates().size(),
          summary.dryRun()
              ? "would back up and delete them"
              : table.backedUp() + " backed up, " + table.deleted() + " deleted");
    }
    summary.errors().forEach(error -> out.println("ERROR " + error));
    if (attempts > 1) {
      out.println("(the function ran " + attempts + " times: Pub/Sub redelivered the failed run)");
    }
  }

  /** A line per game date, a column per table: the stale rows of each. */
  private static void printByDate(List<TableCleanup> tables, PrintWriter out) {
    Map<LocalDate, long[]> byDate = new TreeMap<>();
    for (int t = 0; t < tables.size(); t++) {
      for (StaleDate date : tables.get(t).dates()) {
        byDate.computeIfAbsent(date.gameDate(), d -> new long[tables.size()])[t] = date.rows();
      }
    }
    StringBuilder header = new StringBuilder(String.format("%-10s", "game_date"));
    tables.forEach(t -> header.append(String.format("  %30s", t.table())));
    out.println(header);
    byDate.forEach(
        (date, counts) -> {
          StringBuilder line = new StringBuilder(date.toString());
          for (long count : counts) {
            line.append(String.format("  %30d", count));
          }
          out.println(line);
        });
  }
}
