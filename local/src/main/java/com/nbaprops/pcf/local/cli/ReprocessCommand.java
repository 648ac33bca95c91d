package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "reprocess",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute one date: publishes the request an operator would publish to composite-factors-requests.",
      "A date before today runs in backfill mode (with the synthetic fallback) unless --no-backfill-mode.",
      "Example: ./pipeline reprocess 2023-02-23 --today 2023-03-10"
    })
final class ReprocessCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(paramLabel = "DATE", description = "The game date (YYYY-MM-DD).")
  LocalDate date;

  @Option(names = "--force", description = "Skip the coverage gate for this date.")
  boolean force;

  @Option(
      names = "--no-backfill-mode",
      description = "Process as production does: never fall back.")
  boolean noBackfillMode;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    try (LocalRuntime local = root.global.open()) {
      boolean backfill = !noBackfillMode && date.isBefore(local.runtime().leagueClock().today());
      String runId = local.runtime().leagueClock().newRunId();
      DateRequest request = new DateRequest(date, backfill, force, runId);
      Optional<String> refusal = RequestCheck.refusal(local, request.toJson(), runId);
      if (refusal.isPresent()) {
        out.println("reprocess refused: " + refusal.get());
        return ExitCodes.USAGE;
      }
      String id =
          local
              .runtime()
              .publisher()
              .publish(
                  Topic.COMPOSITE_FACTORS_REQUESTS, request.toJson(), Attributes.of(runId, date));
      if (!local.deliversLocally()) {
        return Handover.report(local, Topic.COMPOSITE_FACTORS_REQUESTS, id, out);
      }
      List<String> rejected = Rejections.ofRun(local, runId);
      if (!rejected.isEmpty()) {
        rejected.forEach(reason -> out.println("REJECTED " + reason));
        return ExitCodes.USAGE;
      }
      RunResults results = RunResults.of(local, runId, List.of(date));
      out.println("run " + runId + (backfill ? " (backfill mode)" : " (production mode)"));
      results.print(out);
      return results.allDone() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }
}
