package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.local.SuiteFunction;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.query.DataRange;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every game date of a range: pre-flight check, then one request per game date through the bus.",
      "Stops with exit 1 when the pre-flight finds partial upcoming context, unless --force.",
      "Example: ./pipeline backfill 2023-02-01 2023-02-28 --force --today 2023-03-10",
      "Example: ./pipeline backfill --all"
    })
final class BackfillCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", arity = "0..1", paramLabel = "END")
  LocalDate end;

  @Option(
      names = "--all",
      description =
          "The data's full range: the first to the last game date of player_game_summary.")
  boolean all;

  @Option(
      names = "--force",
      description = "Go ahead despite pre-flight issues; skip the coverage gate.")
  boolean force;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    if (all == (start != null)) {
      throw new ParameterException(
          spec.commandLine(), "give START END, or --all for the data's full range");
    }
    if (all) {
      try (LocalRuntime local = root.global.open()) {
        return runAll(local);
      }
    }
    if (end == null) {
      throw new ParameterException(spec.commandLine(), "missing END");
    }
    DateRange range = CliDates.range(start, end);
    try (LocalRuntime local = root.global.open()) {
      return run(local, range, force, out, root.global.console(), true);
    }
  }

  private int runAll(LocalRuntime local) {
    var runtime = local.runtime();
    Optional<DateRange> range =
        DataRange.of(
            runtime.warehouse(), runtime.config().catalog(), runtime.leagueClock().today());
    if (range.isEmpty()) {
      out.println("backfill --all: player_game_summary has no game date: nothing to backfill");
      return ExitCodes.USAGE;
    }
    List<DateRange> chunks = DataRange.chunks(range.get(), runtime.config().maxRangeDays());
    out.println(
        "the data's full range (player_game_summary): "
            + range.get()
            + (chunks.size() == 1
                ? ""
                : ", in "
                    + chunks.size()
                    + " ranges of at most "
                    + runtime.config().maxRangeDays()
                    + " days"));
    int exit = ExitCodes.OK;
    for (DateRange chunk : chunks) {
      exit = Math.max(exit, run(local, chunk, force, out, root.global.console(), true));
    }
    return exit;
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
    Optional<String> refusal = RequestCheck.refusal(local, request.toJson(), runId);
    if (refusal.isPresent()) {
      out.println("backfill rejected: " + refusal.get());
      return ExitCodes.USAGE;
    }
    PreflightReport report = PreflightCommand.check(local, range, force);
    if (report.gameDates().isEmpty()) {
      out.println(
          "backfill refused: no scheduled game between "
              + range.start()
              + " and "
              + range.end()
              + " (a mistyped year?); --all takes the data's full range");
      return ExitCodes.USAGE;
    }
    if (detailed || !report.passed()) {
      out.println(report.describe());
    }
    if (!report.passed()) {
      out.println("backfill stopped before it started; nothing was written.");
      return ExitCodes.PROBLEM;
    }
    int total = report.gameDates().size();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger steps = new AtomicInteger();
    // Each date passes three functions: the bar counts the deliveries as they finish.
    local.onDateDelivered(
        runId,
        (function, date) -> {
          if (function == SuiteFunction.COMPOSITE_FACTORS) {
            done.incrementAndGet();
          }
          console.progress(steps.incrementAndGet(), 3 * total, stage(function) + " " + date);
        });
    // Ctrl-C (or a kill) mid-run: say what was done and how to finish, rather than vanish.
    Thread interrupted =
        new Thread(
            () -> {
              console.finish();
              out.println(
                  "interrupted: run "
                      + runId
                      + " computed "
                      + done.get()
                      + " of "
                      + total
                      + " game dates of "
                      + range
                      + "; every date is either done or untouched (each is replaced whole)."
                      + " Finish the rest with: ./pipeline heal "
                      + range.start()
                      + " "
                      + range.end());
              out.flush();
            },
            "backfill-interrupted");
    Runtime.getRuntime().addShutdownHook(interrupted);
    String id;
    try {
      id =
          local
              .runtime()
              .publisher()
              .publish(
                  Topic.COMPOSITE_FACTORS_REQUESTS, request.toJson(), Attributes.of(runId, null));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it reports
      }
    }
    if (!local.deliversLocally()) {
      return Handover.report(local, Topic.COMPOSITE_FACTORS_REQUESTS, id, out);
    }
    console.finish();
    RunResults results = RunResults.of(local, runId, report.gameDates());
    out.println("run " + runId);
    results.print(out, detailed);
    return results.allDone() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  private static String stage(SuiteFunction function) {
    return switch (function) {
      case COMPOSITE_FACTORS -> "computed";
      case COVERAGE_VALIDATION -> "validated";
      case METADATA_TRACKING -> "tracked";
      case UPCOMING_TABLES_CLEANUP -> "cleaned";
    };
  }
}
