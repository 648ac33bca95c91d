package com.nbaprops.pcf.local.operations;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Reprocesses every date of a span that is INCOMPLETE, failed its coverage check, or was never
 * processed (backfill mode: the fallback protects it), re-tracks them, and shows them before and
 * after.
 */
public final class Heal {
  private static final Set<String> UNHEALTHY_VERDICTS =
      Set.of(Verdict.FAIL.name(), Verdict.ERROR.name());

  private Heal() {}

  /** {@link ExitCodes#PROBLEM} when a date is still not healed. */
  public static int span(LocalRuntime local, DateRange span, PrintWriter out) {
    List<Row> sick = Status.rows(local, span).stream().filter(Heal::unhealthy).toList();
    if (sick.isEmpty()) {
      out.println(
          "nothing to heal in " + span + ": every game date is processed and COMPLETE or LOW");
      return ExitCodes.OK;
    }
    out.println("before:");
    Status.print(sick, false, out);
    String runId = local.runtime().leagueClock().newRunId();
    List<LocalDate> dates = sick.stream().map(row -> row.date("analysis_date")).toList();
    for (LocalDate date : dates) {
      Requests.publish(local, DateRequest.backfill(date, runId));
    }
    return local
        .delivery()
        .outcome(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            dates.size() + " date requests (run " + runId + ")",
            out,
            () -> retrack(local, dates, runId, out));
  }

  /** Tracks the healed dates again and prints them: {@link ExitCodes#OK} when all are healed. */
  private static int retrack(
      LocalRuntime local, List<LocalDate> dates, String runId, PrintWriter out) {
    DateRange healed = new DateRange(dates.get(0), dates.get(dates.size() - 1));
    JsonObject sweep = Requests.span(healed);
    sweep.addProperty("run_id", runId);
    Requests.sweep(local, sweep, true);
    List<Row> after =
        Status.rows(local, healed).stream()
            .filter(row -> dates.contains(row.date("analysis_date")))
            .toList();
    out.println("after:");
    Status.print(after, false, out);
    long fixed = after.stream().filter(row -> !unhealthy(row)).count();
    out.println(fixed + " of " + dates.size() + " dates healed (run " + runId + ")");
    return fixed == dates.size() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  private static boolean unhealthy(Row row) {
    return Status.notDone(row) || UNHEALTHY_VERDICTS.contains(row.string("verdict"));
  }
}
