package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.DateRequest;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Recomputes one date: the request an operator would publish to composite-factors-requests. */
public final class Reprocess {
  private Reprocess() {}

  /**
   * A date before today runs in backfill mode (the synthetic fallback protects it) unless {@code
   * productionMode}; {@code force} skips the coverage gate.
   */
  public static int date(
      LocalRuntime local, LocalDate date, boolean force, boolean productionMode, PrintWriter out) {
    boolean backfill = !productionMode && date.isBefore(local.runtime().leagueClock().today());
    String runId = local.runtime().leagueClock().newRunId();
    DateRequest request =
        (backfill ? DateRequest.backfill(date, runId) : DateRequest.production(date, runId))
            .forced(force);
    Optional<String> refusal =
        RequestCheck.refusal(() -> request.checked(local.runtime().leagueClock().today()));
    if (refusal.isPresent()) {
      out.println("reprocess refused: " + refusal.get());
      return ExitCodes.USAGE;
    }
    String id = Requests.publish(local, request);
    return Requests.outcome(local, id, out, () -> results(local, date, runId, backfill, out));
  }

  private static int results(
      LocalRuntime local, LocalDate date, String runId, boolean backfill, PrintWriter out) {
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
