package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Reprocess;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "reprocess",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute one date: publishes the request an operator would publish to composite-factors-requests.",
      "A date before today runs in backfill mode (with the synthetic fallback) unless --no-backfill-mode.",
      "Example: ./pipeline reprocess 2023-02-23 --today 2023-03-10"
    })
final class ReprocessCommand extends SubCommand {
  @Parameters(paramLabel = "DATE", description = "The game date (YYYY-MM-DD).")
  LocalDate date;

  @Option(names = "--force", description = "Skip the coverage gate for this date.")
  boolean force;

  @Option(
      names = "--no-backfill-mode",
      description = "Process as production does: never fall back.")
  boolean noBackfillMode;

  @Override
  public Integer call() {
    try (LocalRuntime local = global().open()) {
      return Reprocess.date(local, date, force, noBackfillMode, out());
    }
  }
}
