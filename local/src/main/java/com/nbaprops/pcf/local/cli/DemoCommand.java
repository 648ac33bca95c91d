package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the Feb-2023 incident on the real 2022-23 season, from an empty PIPELINE_HOME (a warehouse"
          + " the demo did not make is kept unless --replace): seed with"
          + " the stale partial upcoming rows; process 2023-02-23 as the original did and show how the suite"
          + " catches it; run the pre-flight; backfill February with force; show the final table and write"
          + " the report.",
      "Example: ./pipeline demo"
    })
final class DemoCommand implements Callable<Integer> {
  static final DateRange FEBRUARY =
      new DateRange(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28));

  /** Marks a home whose warehouse the demo made, so running the demo again may replace it. */
  static final String MARKER = "made-by-demo";

  @ParentCommand PipelineCli root;

  @Option(
      names = "--replace",
      description = "Replace a warehouse the demo did not make (its tracked dates are lost).")
  boolean replace;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    root.global.requireEmbedded("demo");
    Path home = root.global.home();
    if (Files.exists(home.resolve("warehouse.duckdb"))
        && !Files.exists(home.resolve(MARKER))
        && !replace) {
      out.println(
          "demo refused: "
              + home
              + " holds a warehouse the demo did not make, and the demo starts from an empty one."
              + " Run it in a home of its own (PIPELINE_HOME=/tmp/pcf-demo ./pipeline demo), or add"
              + " --replace to replace this one.");
      return ExitCodes.USAGE;
    }
    clear(home.resolve("warehouse.duckdb"));
    clear(home.resolve("warehouse.duckdb.wal"));
    clear(home.resolve("gcs"));
    if (root.global.today == null) {
      root.global.today = LocalDate.of(2023, 3, 10);
    }
    try {
      Files.createDirectories(home);
      Files.writeString(
          home.resolve(MARKER), "the demo's warehouse: ./pipeline demo may replace it\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + home.resolve(MARKER), e);
    }
    try (LocalRuntime local = root.global.open()) {
      out.println("== 1. seed the 2022-23 season and plant the incident's stale upcoming rows");
      SeedCommand.run(local, "2022-23", true, out);

      out.println(
          "== 2. what the original did: 2023-02-23 processed in production mode, no fallback");
      LocalDate incident = LocalDate.of(2023, 2, 23);
      String runId = local.runtime().leagueClock().newRunId();
      local
          .runtime()
          .publisher()
          .publish(
              Topic.COMPOSITE_FACTORS_REQUESTS,
              new DateRequest(incident, false, false, runId).toJson(),
              Attributes.of(runId, incident));
      RunResults.of(local, runId, List.of(incident)).print(out);
      out.println(
          "   The original wrote these rows and reported success. This suite fails the coverage"
              + " check, marks the date INCOMPLETE, logs alert=coverage and records a failure with"
              + " the command that heals it.");

      out.println("== 3. pre-flight over February 2023: it stops on exactly the poisoned dates");
      out.println(PreflightCommand.check(local, FEBRUARY, false).describe());

      out.println(
          "== 4. backfill February 2023 with force: the fallback rebuilds the poisoned dates");
      int code = BackfillCommand.run(local, FEBRUARY, true, out, root.global.console(), false);

      out.println(
          "== 5. the metadata of February, re-checked by the daily sweep (./pipeline track)");
      local
          .runtime()
          .publisher()
          .publish(
              Topic.METADATA_TRACKING_TRIGGER,
              "{\"start_date\":\""
                  + FEBRUARY.start()
                  + "\",\"end_date\":\""
                  + FEBRUARY.end()
                  + "\",\"flag_incomplete\":true}",
              Map.of());
      var rows = StatusCommand.rows(local, FEBRUARY.start(), FEBRUARY.end());
      StatusCommand.print(rows, false, out);
      boolean complete =
          rows.size() == 22
              && rows.stream().allMatch(row -> "COMPLETE".equals(row.string("status")));

      Path report = home.resolve("report.html").toAbsolutePath();
      Files.writeString(
          report,
          ReportCommand.report(local, FEBRUARY.start(), FEBRUARY.end()).html(),
          StandardCharsets.UTF_8);
      out.println("== 6. the report: " + report);
      out.printf("demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
      return complete && code == ExitCodes.OK ? ExitCodes.OK : ExitCodes.PROBLEM;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
  }

  private static void clear(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + path, e);
    }
  }
}
