package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.cloud.CloudOnThisMachine;
import com.nbaprops.pcf.local.cloud.DeployJars;
import com.nbaprops.pcf.local.cloud.Deployment;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.FunctionHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every game date of a range: pre-flight check, then one request per game date through the bus.",
      "Stops with exit 1 when the pre-flight finds partial upcoming context, unless --force.",
      "Example: ./pipeline backfill 2023-02-01 2023-02-28 --force --today 2023-03-10",
      "Example: ./pipeline backfill --all",
      "With --cloud-local, the way production runs it: each function's deploy jar under the Functions Framework",
      "invoker, the Pub/Sub emulator with the deployed delivery attempts and dead-letter topics, and BigQuery's",
      "concurrency rules and quotas on every statement. Example: ./pipeline backfill --all --force --cloud-local --instances 6"
    })
final class BackfillCommand extends SubCommand {
  @Mixin OptionalSpan dates;

  @Option(
      names = "--all",
      description =
          "The data's full range: the first to the last game date of player_game_summary.")
  boolean all;

  @Option(
      names = "--force",
      description = "Go ahead despite pre-flight issues; skip the coverage gate.")
  boolean force;

  @Option(
      names = "--cloud-local",
      description =
          "Run it the way production does, on this machine: deploy jars, the Pub/Sub emulator,"
              + " BigQuery's rules (the loopback BigQuery serves the embedded warehouse).")
  boolean cloudLocal;

  @Option(
      names = "--instances",
      paramLabel = "N",
      description =
          "With --cloud-local: how many composite-factors instances may run at once (default:"
              + " what Terraform deploys).")
  Integer instances;

  @Override
  public Integer call() {
    if (all == (dates.start != null)) {
      throw new ParameterException(
          spec.commandLine(), "give START END, or --all for the data's full range");
    }
    if (!all && dates.end == null) {
      throw new ParameterException(spec.commandLine(), "missing END");
    }
    if (instances != null && !cloudLocal) {
      throw new ParameterException(spec.commandLine(), "--instances goes with --cloud-local");
    }
    DateRange range = all ? null : CliDates.range(dates.start, dates.end);
    if (cloudLocal) {
      return inTheCloudHere(range);
    }
    try (LocalRuntime local = global().open()) {
      return run(local, range);
    }
  }

  private int run(LocalRuntime local, DateRange range) {
    Backfill backfill = new Backfill(local, out(), global().console());
    return all ? backfill.all(force) : backfill.range(range, force, true);
  }

  private int inTheCloudHere(DateRange range) {
    Deployment deployment = Deployment.terraform();
    if (instances != null) {
      try {
        deployment = deployment.withInstances(SuiteFunction.COMPOSITE_FACTORS, instances);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--instances: " + e.getMessage());
      }
    }
    Path logs =
        global().home().resolve("cloud-local").resolve(Long.toString(System.currentTimeMillis()));
    try (CloudOnThisMachine cloud =
            CloudOnThisMachine.start(
                global().env,
                global().config(),
                deployment,
                Path.of(System.getProperty(FunctionHost.INVOKER_JAR_PROPERTY, "")),
                new DeployJars(
                    Path.of(System.getProperty(DeployJars.FUNCTIONS_DIR_PROPERTY, "functions"))),
                logs);
        LocalRuntime local = global().openIn(cloud)) {
      return run(local, range);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.PROBLEM;
    }
  }
}
