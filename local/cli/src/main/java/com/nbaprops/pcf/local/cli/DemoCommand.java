package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
final class DemoCommand extends SubCommand {
  @Option(
      names = "--replace",
      description = "Replace a warehouse the demo did not make (its tracked dates are lost).")
  boolean replace;

  @Override
  public Integer call() {
    global().requireEmbedded("demo");
    Path home = global().home();
    if (!Demo.prepare(home, replace, out())) {
      return ExitCodes.USAGE;
    }
    if (global().today == null) {
      global().today = Demo.TODAY;
    }
    try (LocalRuntime local = global().open()) {
      return Demo.run(local, home, out(), global().console());
    }
  }
}
