package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.Folders;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The Feb-2023 incident replayed on the real 2022-23 season, from an empty warehouse: what the
 * original did, how the suite catches it, and the backfill that heals February.
 */
public final class Demo {
  public static final DateRange FEBRUARY =
      new DateRange(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28));

  /** The day the demo runs on, unless the operator fixes another. */
  public static final LocalDate TODAY = LocalDate.of(2023, 3, 10);

  /** Marks a home whose warehouse the demo made, so running the demo again may replace it. */
  static final String MARKER = "made-by-demo";

  private static final LocalDate INCIDENT = LocalDate.of(2023, 2, 23);
  private static final int FEBRUARY_GAME_DATES = 22;

  private Demo() {}

  /**
   * Empties {@code home}'s warehouse and blobs for the demo; refuses (false, saying why) a
   * warehouse the demo did not make, unless {@code replace}.
   */
  public static boolean prepare(Path home, boolean replace, PrintWriter out) {
    if (Files.exists(home.resolve("warehouse.duckdb"))
        && !Files.exists(home.resolve(MARKER))
        && !replace) {
      out.println(
          "demo refused: "
              + home
              + " holds a warehouse the demo did not make, and the demo starts from an empty one."
              + " Run it in a home of its own (PIPELINE_HOME=/tmp/pcf-demo ./pipeline demo), or add"
              + " --replace to replace this one.");
      return false;
    }
    Folders.delete(home.resolve("warehouse.duckdb"));
    Folders.delete(home.resolve("warehouse.duckdb.wal"));
    Folders.delete(home.resolve("gcs"));
    try {
      Files.createDirectories(home);
      Files.writeString(
          home.resolve(MARKER), "the demo's warehouse: ./pipeline demo may replace it\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + home.resolve(MARKER), e);
    }
    return true;
  }

  /** Step 5: the daily sweep re-checks February; whether every game date is COMPLETE. */
  private static boolean februaryComplete(LocalRuntime local, PrintWriter out) {
    out.println("== 5. the metadata of February, re-checked by the daily sweep (./pipeline track)");
    Requests.sweep(local, Requests.span(FEBRUARY), true);
    List<Row> rows = Status.rows(local, FEBRUARY);
    Status.print(rows, false, out);
    return rows.size() == FEBRUARY_GAME_DATES
        && rows.stream()
            .allMatch(row -> CoverageStatus.COMPLETE.name().equals(row.string("status")));
  }

  /** Runs the demo's six steps on a prepared home; writes the report there. */
  public static int run(LocalRuntime local, Path home, PrintWriter out, Progress progress) {
    long started = System.nanoTime();
    out.println("== 1. seed the 2022-23 season and plant the incident's stale upcoming rows");
    Seeding.seed(local, "2022-23", true, out);

    out.println(
        "== 2. what the original did: 2023-02-23 processed in production mode, no fallback");
    String runId = local.runtime().leagueClock().newRunId();
    Requests.publish(local, DateRequest.production(INCIDENT, runId));
    RunResults.of(local, runId, List.of(INCIDENT)).print(out);
    out.println(
        "   The original wrote these rows and reported success. This suite fails the coverage"
            + " check, marks the date INCOMPLETE, logs alert=coverage and records a failure with"
            + " the command that heals it.");

    out.println("== 3. pre-flight over February 2023: it stops on exactly the poisoned dates");
    out.println(Preflight.check(local, FEBRUARY, false).describe());

    out.println(
        "== 4. backfill February 2023 with force: the fallback rebuilds the poisoned dates");
    int code = new Backfill(local, out, progress).range(FEBRUARY, true, false);

    boolean complete = februaryComplete(local, out);
    Path report = home.resolve("report.html").toAbsolutePath();
    try {
      Files.writeString(report, Reports.coverage(local, FEBRUARY).html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
    out.println("== 6. the report: " + report);
    out.printf("demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return complete && code == ExitCodes.OK ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
