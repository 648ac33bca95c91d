package com.nbaprops.pcf.local.operations;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.port.Row;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

/** Re-checks the metadata of a span: the sweep the daily scheduler sends to metadata-tracking. */
public final class Track {
  private Track() {}

  /** The {@code days} days ending yesterday, as the scheduler names them. */
  public static int days(LocalRuntime local, int days, boolean flagIncomplete, PrintWriter out) {
    DateRange span = lastDays(local, days);
    JsonObject sweep = new JsonObject();
    sweep.addProperty("days", days);
    return run(local, sweep, span, flagIncomplete, out);
  }

  /**
   * The {@code days} days ending yesterday in the league's time zone.
   *
   * @throws IllegalArgumentException (bad usage) when {@code days} is under 1
   */
  public static DateRange lastDays(LocalRuntime local, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got " + days);
    }
    LocalDate yesterday = local.runtime().leagueClock().today().minusDays(1);
    return new DateRange(yesterday.minusDays(days - 1L), yesterday);
  }

  public static int span(
      LocalRuntime local, DateRange span, boolean flagIncomplete, PrintWriter out) {
    return run(local, Requests.span(span), span, flagIncomplete, out);
  }

  private static int run(
      LocalRuntime local,
      JsonObject sweep,
      DateRange span,
      boolean flagIncomplete,
      PrintWriter out) {
    String id = Requests.sweep(local, sweep, flagIncomplete);
    return local
        .delivery()
        .outcome(
            Topic.METADATA_TRACKING_TRIGGER, "message " + id, out, () -> tracked(local, span, out));
  }

  private static int tracked(LocalRuntime local, DateRange span, PrintWriter out) {
    List<Row> rows = Status.rows(local, span);
    if (rows.isEmpty()) {
      out.println(
          "no game date between "
              + span.start()
              + " and "
              + span.end()
              + ": nothing to track (off-season?)");
      return ExitCodes.OK;
    }
    Status.print(rows, false, out);
    return rows.stream().anyMatch(Status::notDone) ? ExitCodes.PROBLEM : ExitCodes.OK;
  }
}
