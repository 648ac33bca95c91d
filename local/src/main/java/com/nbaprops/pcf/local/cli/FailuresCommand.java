package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.table.Tables;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "failures",
    mixinStandardHelpOptions = true,
    description = {
      "The open failures, oldest first. A date's failures resolve themselves when the date becomes"
          + " COMPLETE; a rejected message (INVALID_MESSAGE) has no date to heal: acknowledge it once"
          + " read. Exit 1 while any is open.",
      "Example: ./pipeline failures --ack-rejected"
    })
final class FailuresCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Option(
      names = "--ack-rejected",
      description = "Mark every open rejected message (INVALID_MESSAGE) as read (RESOLVED).")
  boolean ackRejected;

  PrintStream out = System.out;

  /** The open failures of the dates from {@code from} to {@code to}, by date, oldest first. */
  static List<Row> open(LocalRuntime local, LocalDate from, LocalDate to) {
    return local
        .runtime()
        .warehouse()
        .query(
            Sql.of(
                    "SELECT analysis_date, processor_name, failure_category, failure_reason FROM "
                        + local.tableName(Tables.PRECOMPUTE_FAILURES)
                        + " WHERE analysis_date BETWEEN @start_date AND @end_date"
                        + " AND resolution_status = 'UNRESOLVED'"
                        + " ORDER BY analysis_date, created_at, failure_id")
                .date("start_date", from)
                .date("end_date", to));
  }

  /** Marks every open rejected message as read; returns how many. */
  static long acknowledgeRejected(LocalRuntime local) {
    return local
        .runtime()
        .warehouse()
        .execute(
            Sql.of(
                    "UPDATE "
                        + local.tableName(Tables.PRECOMPUTE_FAILURES)
                        + " SET resolution_status = 'RESOLVED', resolved_at = @now"
                        + " WHERE resolution_status = 'UNRESOLVED' AND failure_category = @category")
                .timestamp("now", local.runtime().leagueClock().now())
                .string("category", FailureCategory.INVALID_MESSAGE.name()));
  }

  @Override
  public Integer call() {
    try (LocalRuntime local = ackRejected ? root.global.open() : root.global.openReadOnly()) {
      if (ackRejected) {
        out.println(acknowledgeRejected(local) + " rejected messages acknowledged");
      }
      List<Row> open = open(local, CliDates.EARLIEST, CliDates.LATEST);
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
}
