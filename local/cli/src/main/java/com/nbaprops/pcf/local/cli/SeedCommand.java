package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Seeding;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Load a season of real box scores into the embedded warehouse (replacing the input tables).",
      "Example: ./pipeline seed --incident"
    })
final class SeedCommand extends SubCommand {
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

  @Override
  public Integer call() {
    global().requireEmbedded("seed");
    try (LocalRuntime local = global().open()) {
      Seeding.seed(local, season, incident, out());
    }
    return ExitCodes.OK;
  }
}
