package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Track;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Re-check metadata for the last N days (up to yesterday) or START END: publishes the sweep the"
          + " daily scheduler sends to metadata-tracking-trigger. Exit 1 if any date is INCOMPLETE or STALE.",
      "Example: ./pipeline track --days 7 --flag-incomplete"
    })
final class TrackCommand extends SubCommand {
  @ArgGroup(multiplicity = "1")
  DaySpan span;

  @Option(names = "--flag-incomplete", description = "Record a failure for every INCOMPLETE date.")
  boolean flagIncomplete;

  @Override
  public Integer call() {
    PrintWriter out = out();
    if (span.days != null) {
      try (LocalRuntime local = global().open()) {
        return Track.days(local, span.days, flagIncomplete, out);
      }
    }
    DateRange range = CliDates.range(span.range[0], span.range[1]);
    try (LocalRuntime local = global().open()) {
      return Track.span(local, range, flagIncomplete, out);
    }
  }
}
