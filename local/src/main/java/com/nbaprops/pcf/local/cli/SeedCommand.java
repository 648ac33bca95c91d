package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.local.seed.Seeder;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Load a season of real box scores into the embedded warehouse (replacing the input tables).",
      "Example: ./pipeline seed --incident"
    })
final class SeedCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Option(
      names = "--season",
      defaultValue = "2022-23",
      description = "Season to load (default: ${DEFAULT-VALUE}).")
  String season;

  @Option(
      names = "--incident",
      description =
          "Plant the Feb-2023 incident: stale partial upcoming rows (1 of 187 players on 2023-02-23, 68 of"
              + " 175 on 2023-02-24).")
  boolean incident;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    root.global.requireEmbedded("seed");
    try (LocalRuntime local = root.global.open()) {
      run(local, season, incident, out);
    }
    return ExitCodes.OK;
  }

  static void run(LocalRuntime local, String season, boolean incident, PrintStream out) {
    Seeder seeder = new Seeder(local.runtime().warehouse(), local.runtime().config().catalog());
    long started = System.nanoTime();
    seeder
        .seed(season)
        .forEach((table, rows) -> out.printf("  %-32s %7d rows%n", table.name(), rows));
    out.printf("seeded season %s in %.1f s%n", season, (System.nanoTime() - started) / 1e9);
    if (incident) {
      seeder
          .plantIncident()
          .forEach(
              (date, kept) ->
                  out.printf("  incident: %s keeps %d stale upcoming rows%n", date, kept));
    }
  }
}
