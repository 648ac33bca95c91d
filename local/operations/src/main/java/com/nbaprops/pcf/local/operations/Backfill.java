package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.query.DataRange;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recomputes every game date of a range: the pre-flight check, then one range request that
 * composite-factors fans out in chunks of dates; then what became of each date.
 */
public final class Backfill {
  private final LocalRuntime local;
  private final PrintWriter out;
  private final Progress progress;

  public Backfill(LocalRuntime local, PrintWriter out, Progress progress) {
    this.local = local;
    this.out = out;
    this.progress = progress;
  }

  /** The data's full range (player_game_summary's first to last game date), in allowed ranges. */
  public int all(boolean force) {
    var runtime = local.runtime();
    Optional<DateRange> range =
        DataRange.of(
            runtime.warehouse(), runtime.config().catalog(), runtime.leagueClock().today());
    if (range.isEmpty()) {
      out.println("backfill --all: player_game_summary has no game date: nothing to backfill");
      return ExitCodes.USAGE;
    }
    int most = runtime.config().maxRangeDays();
    List<DateRange> chunks = DataRange.chunks(range.get(), most);
    out.println(
        "the data's full range (player_game_summary): "
            + range.get()
            + (chunks.size() == 1
                ? ""
                : ", in " + chunks.size() + " ranges of at most " + most + " days"));
    int exit = ExitCodes.OK;
    for (DateRange chunk : chunks) {
      exit = Math.max(exit, range(chunk, force, true));
    }
    return exit;
  }

  /**
   * Backfills {@code range}: refused when composite-factors would reject it or it has no game,
   * stopped when the pre-flight finds partial context (unless {@code force}).
   *
   * @param detailed whether to print the pre-flight report and a row per date (the demo shows its
   *     own)
   */
  public int range(DateRange range, boolean force, boolean detailed) {
    String runId = local.runtime().leagueClock().newRunId();
    RangeRequest request = new RangeRequest(range, force, runId);
    Optional<String> refusal =
        RequestCheck.refusal(
            () ->
                request.checked(
                    local.runtime().leagueClock().today(),
                    local.runtime().config().maxRangeDays()));
    if (refusal.isPresent()) {
      out.println("backfill rejected: " + refusal.get());
      return ExitCodes.USAGE;
    }
    PreflightReport report = Preflight.check(local, range, force);
    Optional<Integer> stopped = stopped(range, report, detailed);
    if (stopped.isPresent()) {
      return stopped.get();
    }
    String id = publish(request, report.gameDates().size());
    return Requests.outcome(local, id, out, () -> results(runId, report.gameDates(), detailed));
  }

  private int results(String runId, List<LocalDate> gameDates, boolean detailed) {
    progress.finish();
    RunResults results = RunResults.of(local, runId, gameDates);
    out.println("run " + runId);
    results.print(out, detailed);
    return results.allDone() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  /** The exit code of a range the pre-flight stops (no game, or a partial input); printed. */
  private Optional<Integer> stopped(DateRange range, PreflightReport report, boolean detailed) {
    if (report.gameDates().isEmpty()) {
      out.println(
          "backfill refused: no scheduled game between "
              + range.start()
              + " and "
              + range.end()
              + " (a mistyped year?); --all takes the data's full range");
      return Optional.of(ExitCodes.USAGE);
    }
    if (detailed || !report.passed()) {
      out.println(report.describe());
    }
    if (!report.passed()) {
      out.println("backfill stopped before it started; nothing was written.");
      return Optional.of(ExitCodes.PROBLEM);
    }
    return Optional.empty();
  }

  /**
   * Publishes the request with progress counted per delivery; a stop mid-way (Ctrl-C, a kill) says
   * what was done and how to finish, rather than vanish.
   */
  private String publish(RangeRequest request, int total) {
    String runId = request.runId();
    AtomicInteger done = new AtomicInteger();
    Set<String> delivered = ConcurrentHashMap.newKeySet();
    AtomicInteger steps = new AtomicInteger();
    // Each date passes three functions: the bar counts the deliveries as they finish, each date
    // once per function (a chunk split into its dates delivers them again, alone).
    local.onDateDelivered(
        runId,
        (function, date) -> {
          if (!delivered.add(function + " " + date)) {
            return;
          }
          if (function == SuiteFunction.COMPOSITE_FACTORS) {
            done.incrementAndGet();
          }
          progress.step(steps.incrementAndGet(), 3 * total, stage(function) + " " + date);
        });
    Thread interrupted =
        new Thread(
            () -> {
              progress.finish();
              out.println(
                  "interrupted: run "
                      + runId
                      + " computed "
                      + done.get()
                      + " of "
                      + total
                      + " game dates of "
                      + request.range()
                      + "; every date is either done or untouched (each is replaced whole)."
                      + " Finish the rest with: ./pipeline heal "
                      + request.range().start()
                      + " "
                      + request.range().end());
              out.flush();
            },
            "backfill-interrupted");
    Runtime.getRuntime().addShutdownHook(interrupted);
    try {
      return local
          .runtime()
          .publisher()
          .publish(Topic.COMPOSITE_FACTORS_REQUESTS, request.toJson(), Attributes.of(runId, null));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it reports
      }
    }
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
