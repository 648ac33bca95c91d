package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Failures;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "failures",
    mixinStandardHelpOptions = true,
    description = {
      "The open failures, oldest first. A date's failures resolve themselves when the date becomes"
          + " COMPLETE; a rejected message (INVALID_MESSAGE) has no date to heal: acknowledge it once"
          + " read. Exit 1 while any is open.",
      "Example: ./pipeline failures --ack-rejected"
    })
final class FailuresCommand extends SubCommand {
  @Option(
      names = "--ack-rejected",
      description = "Mark every open rejected message (INVALID_MESSAGE) as read (RESOLVED).")
  boolean ackRejected;

  @Override
  public Integer call() {
    PrintWriter out = out();
    try (LocalRuntime local = ackRejected ? global().open() : global().openReadOnly()) {
      if (ackRejected) {
        out.println(Failures.acknowledgeRejected(local) + " rejected messages acknowledged");
      }
      return Failures.list(local, CliDates.span(null, null), out);
    }
  }
}
