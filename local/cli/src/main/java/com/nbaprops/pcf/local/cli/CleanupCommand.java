package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Cleanup;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.CleanupRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description = {
      "Run the upcoming-tables TTL: publishes the message the 04:00 scheduler sends to upcoming-tables-cleanup-trigger.",
      "Stale rows (game_date before today minus the TTL) are backed up to the blob store, then deleted.",
      "Exit 1 if a table could not be cleaned.",
      "Example: ./pipeline cleanup --dry-run --ttl-days 7"
    })
final class CleanupCommand extends SubCommand {
  @Option(
      names = "--dry-run",
      description = "Report what would be backed up and deleted; change nothing.")
  boolean dryRun;

  @Option(
      names = "--ttl-days",
      paramLabel = "N",
      description = "Override the TTL (CLEANUP_TTL_DAYS, default 7).")
  Integer ttlDays;

  @Override
  public Integer call() {
    if (ttlDays != null && (ttlDays < 1 || ttlDays > CleanupRequest.MAX_TTL_DAYS)) {
      throw new IllegalArgumentException(
          "--ttl-days must be between 1 and "
              + CleanupRequest.MAX_TTL_DAYS
              + " (0 would delete today's context)");
    }
    try (LocalRuntime local = global().open()) {
      return Cleanup.run(local, dryRun, ttlDays, out());
    }
  }
}
