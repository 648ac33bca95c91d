package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.bench.SeasonBench;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the chain on the embedded default, in a scratch folder of its own: the whole 2022-23"
          + " season through the chain (every game date, bus included), one delivery at a time and"
          + " --workers at once; the one-pass bound (the same rules over the season in one read and"
          + " one write, checked to write identical rows) and the chain's ratio to it; one date"
          + " warm, the composite-factors function alone and the whole chain; then each function's"
          + " deploy jar under the Functions Framework invoker, from process start to its first"
          + " successful response. Prints min / median / max of each; exits 1 if the rows differ.",
      "Example: ./pipeline bench --runs 5   (after mvn -B -q package -DskipTests, which builds"
          + " the deploy jars the cold starts run)"
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runs", paramLabel = "N", description = "Runs of each figure (default 3).")
  int runs = 3;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description =
          "Deliveries at once for the second run of the season (default 4; composite-factors"
              + " deploys with max_instance_count 5).")
  int workers = 4;

  @Option(
      names = "--function-jvm-options",
      paramLabel = "OPTIONS",
      description =
          "JAVA_TOOL_OPTIONS for the cold starts' functions, as a deployment can set them"
              + " (default: none, the runtime's defaults), e.g. \"-XX:TieredStopAtLevel=1\".")
  String functionJvmOptions = "";

  @Override
  public Integer call() throws IOException, InterruptedException {
    return new SeasonBench(spec.commandLine().getOut(), runs, workers, functionJvmOptions).run();
  }
}
