package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
  @ParentCommand PipelineCli root;

  @Spec CommandSpec spec;

  @Option(
      names = "--replace",
      description = "Replace a warehouse the demo did not make (its tracked dates are lost).")
  boolean replace;

  @Override
  public Integer call() {
    root.global.requireEmbedded("demo");
    Path home = root.global.home();
    if (!Demo.prepare(home, replace, spec.commandLine().getOut())) {
      return ExitCodes.USAGE;
    }
    if (root.global.today == null) {
      root.global.today = Demo.TODAY;
    }
    try (LocalRuntime local = root.global.open()) {
      return Demo.run(local, home, spec.commandLine().getOut(), root.global.console());
    }
  }
}
