package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Failures;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

  @Spec CommandSpec spec;

  @Option(
      names = "--ack-rejected",
      description = "Mark every open rejected message (INVALID_MESSAGE) as read (RESOLVED).")
  boolean ackRejected;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LocalRuntime local = ackRejected ? root.global.open() : root.global.openReadOnly()) {
      if (ackRejected) {
        out.println(Failures.acknowledgeRejected(local) + " rejected messages acknowledged");
      }
      return Failures.list(local, CliDates.span(null, null), out);
    }
  }
}
