package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every game date of a range: pre-flight check, then one request per game date through the bus.",
      "Stops with exit 1 when the pre-flight finds partial upcoming context, unless --force.",
      "Example: ./pipeline backfill 2023-02-01 2023-02-28 --force --today 2023-03-10",
      "Example: ./pipeline backfill --all"
    })
final class BackfillCommand extends SubCommand {
  @Mixin OptionalSpan dates;

  @Option(
      names = "--all",
      description =
          "The data's full range: the first to the last game date of player_game_summary.")
  boolean all;

  @Option(
      names = "--force",
      description = "Go ahead despite pre-flight issues; skip the coverage gate.")
  boolean force;

  @Override
  public Integer call() {
    if (all == (dates.start != null)) {
      throw new ParameterException(
          spec.commandLine(), "give START END, or --all for the data's full range");
    }
    if (!all && dates.end == null) {
      throw new ParameterException(spec.commandLine(), "missing END");
    }
    DateRange range = all ? null : CliDates.range(dates.start, dates.end);
    try (LocalRuntime local = global().open()) {
      Backfill backfill = new Backfill(local, out(), global().console());
      return all ? backfill.all(force) : backfill.range(range, force, true);
    }
  }
}
