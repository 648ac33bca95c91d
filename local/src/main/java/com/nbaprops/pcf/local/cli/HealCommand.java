package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "heal",
    mixinStandardHelpOptions = true,
    description = {
      "Reprocess every date of the span whose metadata is INCOMPLETE or whose verdict is FAIL or ERROR,"
          + " and every game date never processed (backfill mode: the fallback protects it), re-track"
          + " them, and print them before and after."
          + " Exit 1 if any is still not COMPLETE.",
      "Example: ./pipeline heal --days 30"
    })
final class HealCommand implements Callable<Integer> {
  private static final Set<String> UNHEALTHY_VERDICTS =
      Set.of(Verdict.FAIL.name(), Verdict.ERROR.name());

  @ParentCommand PipelineCli root;

  @ArgGroup(multiplicity = "1")
  DaySpan span;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    try (LocalRuntime local = root.global.open()) {
      LocalDate yesterday = local.runtime().leagueClock().today().minusDays(1);
      DateRange range =
          span.days != null
              ? CliDates.range(yesterday.minusDays(Math.max(1, span.days) - 1L), yesterday)
              : CliDates.range(span.range[0], span.range[1]);
      List<Row> sick =
          StatusCommand.rows(local, range.start(), range.end()).stream()
              .filter(HealCommand::unhealthy)
              .toList();
      if (sick.isEmpty()) {
        out.println(
            "nothing to heal in " + range + ": every game date is processed and COMPLETE or LOW");
        return ExitCodes.OK;
      }
      out.println("before:");
      StatusCommand.print(sick, false, out);
      String runId = local.runtime().leagueClock().newRunId();
      List<LocalDate> dates = sick.stream().map(row -> row.date("analysis_date")).toList();
      for (LocalDate date : dates) {
        local
            .runtime()
            .publisher()
            .publish(
                Topic.COMPOSITE_FACTORS_REQUESTS,
                new DateRequest(date, true, false, runId).toJson(),
                Attributes.of(runId, date));
      }
      if (!local.deliversLocally()) {
        out.println(
            dates.size() + " dates requested from the deployed functions (run " + runId + ")");
        return ExitCodes.OK;
      }
      local
          .runtime()
          .publisher()
          .publish(
              Topic.METADATA_TRACKING_TRIGGER,
              "{\"start_date\":\""
                  + dates.get(0)
                  + "\",\"end_date\":\""
                  + dates.get(dates.size() - 1)
                  + "\",\"flag_incomplete\":true,\"run_id\":\""
                  + runId
                  + "\"}",
              Map.of());
      List<Row> after =
          StatusCommand.rows(local, dates.get(0), dates.get(dates.size() - 1)).stream()
              .filter(row -> dates.contains(row.date("analysis_date")))
              .toList();
      out.println("after:");
      StatusCommand.print(after, false, out);
      long healed = after.stream().filter(row -> !unhealthy(row)).count();
      out.println(healed + " of " + dates.size() + " dates healed (run " + runId + ")");
      return healed == dates.size() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }

  private static boolean unhealthy(Row row) {
    return StatusCommand.notDone(row) || UNHEALTHY_VERDICTS.contains(row.string("verdict"));
  }
}
