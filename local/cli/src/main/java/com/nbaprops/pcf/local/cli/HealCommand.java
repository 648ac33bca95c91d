package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Heal;
import com.nbaprops.pcf.local.operations.Track;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Command(
    name = "heal",
    mixinStandardHelpOptions = true,
    description = {
      "Reprocess every date of the span whose metadata is INCOMPLETE or STALE, or whose verdict is FAIL or ERROR,"
          + " and every game date never processed (backfill mode: the fallback protects it), re-track"
          + " them, and print them before and after."
          + " Exit 1 if any is still not COMPLETE.",
      "Example: ./pipeline heal --days 30"
    })
final class HealCommand extends SubCommand {
  @ArgGroup(multiplicity = "1")
  DaySpan span;

  @Override
  public Integer call() {
    try (LocalRuntime local = global().open()) {
      DateRange range =
          span.days != null
              ? Track.lastDays(local, span.days)
              : CliDates.range(span.range[0], span.range[1]);
      return Heal.span(local, range, out());
    }
  }
}
