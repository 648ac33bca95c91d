package com.nbaprops.pcf.local.cli;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.LocalRuntime;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Re-check metadata for the last N days (up to yesterday) or START END: publishes the sweep the"
          + " daily scheduler sends to metadata-tracking-trigger. Exit 1 if any date is INCOMPLETE.",
      "Example: ./pipeline track --days 7 --flag-incomplete"
    })
final class TrackCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @ArgGroup(multiplicity = "1")
  DaySpan span;

  @Option(names = "--flag-incomplete", description = "Record a failure for every INCOMPLETE date.")
  boolean flagIncomplete;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    JsonObject sweep = new JsonObject();
    if (span.days != null) {
      sweep.addProperty("days", span.days);
    } else {
      CliDates.range(span.range[0], span.range[1]);
      sweep.addProperty("start_date", span.range[0].toString());
      sweep.addProperty("end_date", span.range[1].toString());
    }
    sweep.addProperty("flag_incomplete", flagIncomplete);
    try (LocalRuntime local = root.global.open()) {
      String id =
          local
              .runtime()
              .publisher()
              .publish(Topic.METADATA_TRACKING_TRIGGER, sweep.toString(), Map.of());
      if (!local.deliversLocally()) {
        return Handover.report(local, Topic.METADATA_TRACKING_TRIGGER, id, out);
      }
      LocalDate to =
          span.days != null ? local.runtime().leagueClock().today().minusDays(1) : span.range[1];
      LocalDate from = span.days != null ? to.minusDays(span.days - 1L) : span.range[0];
      var rows = StatusCommand.rows(local, from, to);
      if (rows.isEmpty()) {
        out.println(
            "no game date between " + from + " and " + to + ": nothing to track (off-season?)");
        return ExitCodes.OK;
      }
      StatusCommand.print(rows, false, out);
      return rows.stream().anyMatch(StatusCommand::notDone) ? ExitCodes.PROBLEM : ExitCodes.OK;
    }
  }
}
