package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Track;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  DaySpan span;

  @Option(names = "--flag-incomplete", description = "Record a failure for every INCOMPLETE date.")
  boolean flagIncomplete;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (span.days != null) {
      try (LocalRuntime local = root.global.open()) {
        return Track.days(local, span.days, flagIncomplete, out);
      }
    }
    DateRange range = CliDates.range(span.range[0], span.range[1]);
    try (LocalRuntime local = root.global.open()) {
      return Track.span(local, range, flagIncomplete, out);
    }
  }
}
