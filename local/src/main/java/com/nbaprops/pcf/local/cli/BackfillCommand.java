package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.PubSubEnvelope;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.message.RequestParser;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every game date of a range: pre-flight check, then one request per game date through the bus.",
      "Stops with exit 1 when the pre-flight finds partial upcoming context, unless --force.",
      "Example: ./pipeline backfill 2023-02-01 2023-02-28 --force --today 2023-03-10"
    })
final class BackfillCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(index = "0", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", paramLabel = "END")
  LocalDate end;

  @Option(
      names = "--force",
      description = "Go ahead despite pre-flight issues; skip the coverage gate.")
  boolean force;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    DateRange range = CliDates.range(start, end);
    try (LocalRuntime local = root.global.open()) {
      return run(local, range, force, out, root.global.console(), true);
    }
  }

  /** For tests: progress as plain lines on {@code progress}. */
  static int run(
      LocalRuntime local, DateRange range, boolean force, PrintStream out, PrintStream progress) {
    return run(local, range, force, out, new Console(progress, false, Clock.systemUTC()), true);
  }

  /**
   * @param detailed whether to print the pre-flight report and a row per date (the demo shows its
   *     own)
   */
  static int run(
      LocalRuntime local,
      DateRange range,
      boolean force,
      PrintStream out,
      Console console,
      boolean detailed) {
    String runId = local.runtime().leagueClock().newRunId();
    RangeRequest request = new RangeRequest(range, force, runId);
    try {
      new RequestParser(
              local.runtime().leagueClock().today(),
              local.runtime().config().maxRangeDays(),
              () -> runId)
          .parse(request.toJson());
    } catch (InvalidMessageException e) {
      out.println("backfill rejected: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    PreflightReport report = PreflightCommand.check(local, range, force);
    if (detailed || !report.passed()) {
      out.println(report.describe());
    }
    if (!report.passed()) {
      out.println("backfill stopped before it started; nothing was written.");
      return ExitCodes.PROBLEM;
    }
    int total = report.gameDates().size();
    AtomicInteger done = new AtomicInteger();
    local.observe(
        Topic.COMPOSITE_FACTORS_COMPUTED,
        "progress",
        event -> {
          FactorsComputed outcome = FactorsComputed.fromJson(PubSubEnvelope.decode(event).data());
          if (outcome.runId().equals(runId)) {
            console.progress(done.incrementAndGet(), total, outcome.analysisDate().toString());
          }
        });
    String id =
        local
            .runtime()
            .publisher()
            .publish(
                Topic.COMPOSITE_FACTORS_REQUESTS, request.toJson(), Attributes.of(runId, null));
    if (!local.deliversLocally()) {
      return Handover.report(local, Topic.COMPOSITE_FACTORS_REQUESTS, id, out);
    }
    console.finish();
    RunResults results = RunResults.of(local, runId, report.gameDates());
    out.println("run " + runId);
    results.print(out, detailed);
    return results.allDone() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
