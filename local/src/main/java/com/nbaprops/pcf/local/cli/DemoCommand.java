package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.local.seed.Seeder;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.table.Tables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the Feb-2023 incident on the real 2022-23 season, from an empty PIPELINE_HOME:",
      "seed with the stale partial upcoming rows, run the pre-flight, backfill February through the chain,",
      "and check that 2023-02-23 and 2023-02-24 end with every player (187 and 175)."
    })
final class DemoCommand implements Callable<Integer> {
  static final DateRange FEBRUARY =
      new DateRange(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28));

  @ParentCommand PipelineCli root;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    root.global.requireEmbedded("demo");
    Path home = root.global.home();
    out.println("== 1. fresh embedded state in " + home);
    clear(home.resolve("warehouse.duckdb"));
    clear(home.resolve("warehouse.duckdb.wal"));
    clear(home.resolve("gcs"));
    if (root.global.today == null) {
      root.global.today = LocalDate.of(2023, 3, 10);
    }
    try (LocalRuntime local = root.global.open()) {
      out.println("== 2. seed the 2022-23 season and plant the incident's stale upcoming rows");
      SeedCommand.run(local, "2022-23", true, out);

      out.println("== 3. pre-flight over February 2023");
      out.println(PreflightCommand.check(local, FEBRUARY, false).describe());

      out.println(
          "== 4. backfill February 2023 with force: the fallback rebuilds the poisoned dates");
      int code = BackfillCommand.run(local, FEBRUARY, true, out, root.global.console(), false);

      out.println("== 5. what the table holds for the incident dates");
      boolean complete = true;
      for (LocalDate date : Seeder.INCIDENT_STALE_PLAYERS.keySet().stream().sorted().toList()) {
        Row row =
            local
                .runtime()
                .warehouse()
                .query(
                    Sql.of(
                            "SELECT COUNT(*) AS written, COUNT(DISTINCT player_lookup) AS players, MIN(data_source)"
                                + " AS source FROM "
                                + local
                                    .runtime()
                                    .config()
                                    .catalog()
                                    .qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS)
                                + " WHERE game_date = @game_date")
                        .date("game_date", date))
                .get(0);
        int expected =
            new CoverageCounts(local.runtime().warehouse(), local.runtime().config().catalog())
                .expectedPlayers(date);
        boolean ok = row.int64("players") == expected && row.int64("written") == expected;
        complete &= ok;
        out.printf(
            "  %s  %d rows, %d of %d players, source %s  %s%n",
            date,
            row.int64("written"),
            row.int64("players"),
            expected,
            row.string("source"),
            ok ? "OK" : "INCOMPLETE");
      }
      out.println(
          "== 6. the forced run bypassed the coverage gate, so sweep February (./pipeline track) and show it");
      local
          .runtime()
          .publisher()
          .publish(
              com.nbaprops.pcf.config.Topic.METADATA_TRACKING_TRIGGER,
              "{\"start_date\":\""
                  + FEBRUARY.start()
                  + "\",\"end_date\":\""
                  + FEBRUARY.end()
                  + "\",\"flag_incomplete\":true}",
              java.util.Map.of());
      StatusCommand.print(StatusCommand.rows(local, FEBRUARY.start(), FEBRUARY.end()), false, out);
      out.printf("demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
      return complete && code == ExitCodes.OK ? ExitCodes.OK : ExitCodes.PROBLEM;
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
