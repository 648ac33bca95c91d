package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import java.io.PrintWriter;
import java.util.List;

/** The open failures, and the acknowledgement of rejected messages, which have no date to heal. */
public final class Failures {
  private Failures() {}

  /** The open failures of the span's dates, by date, oldest first. */
  public static List<Row> open(LocalRuntime local, DateRange span) {
    return local.query(
        local
            .sql(
                "SELECT analysis_date, processor_name, failure_category, failure_reason"
                    + " FROM {precompute_failures}"
                    + " WHERE analysis_date BETWEEN @start_date AND @end_date"
                    + " AND resolution_status = 'UNRESOLVED'"
                    + " ORDER BY analysis_date, created_at, failure_id")
            .date("start_date", span.start())
            .date("end_date", span.end()));
  }

  /** Marks every open rejected message as read; returns how many. */
  public static long acknowledgeRejected(LocalRuntime local) {
    return local.execute(
        local
            .sql(
                "UPDATE {precompute_failures}"
                    + " SET resolution_status = 'RESOLVED', resolved_at = @now"
                    + " WHERE resolution_status = 'UNRESOLVED' AND failure_category = @category")
            .timestamp("now", local.runtime().leagueClock().now())
            .string("category", FailureCategory.INVALID_MESSAGE.name()));
  }

  /** Prints the span's open failures; {@link ExitCodes#PROBLEM} while any is open. */
  public static int list(LocalRuntime local, DateRange span, PrintWriter out) {
    List<Row> open = open(local, span);
    for (Row row : open) {
      out.printf(
          "%s  %-24s  %-26s  %s%n",
          row.date("analysis_date"),
          row.string("processor_name"),
          row.string("failure_category"),
          StructuredLog.escape(row.string("failure_reason")));
    }
    out.println(open.size() + " open failures");
    return open.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
