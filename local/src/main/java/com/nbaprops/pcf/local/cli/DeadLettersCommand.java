package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.failure.Causes;
import com.nbaprops.pcf.local.DeadLetterFile;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "deadletters",
    mixinStandardHelpOptions = true,
    description = {
      "List the messages the bus gave up on, with the error of their last delivery: the embedded"
          + " bus's, or with --bus pubsub:PROJECT the deployed functions' dead-letter subscriptions.",
      "Example: ./pipeline deadletters composite-factors-requests"
    })
final class DeadLettersCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(
      arity = "0..1",
      paramLabel = "TOPIC",
      description = "Only this topic (without the environment prefix).")
  String topic;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    Topic only = topic == null ? null : Topic.parse(topic);
    try (LocalRuntime local = root.global.openReadOnly()) {
      List<DeadLetterFile.Entry> entries;
      if (local.deliversLocally()) {
        entries = DeadLettersCommand.entries(local, only);
      } else {
        try (CloudDeadLetters cloud = new CloudDeadLetters(local, root.global.env)) {
          entries = cloud.entries(only);
        }
      }
      if (entries.isEmpty()) {
        out.println("no dead letters" + (only == null ? "" : " on " + only.baseName()));
        return ExitCodes.OK;
      }
      out.printf("%-20s  %-28s  %-8s  %s%n", "id", "topic", "attempts", "last error");
      for (DeadLetterFile.Entry entry : entries) {
        out.printf(
            "%-20s  %-28s  %-8d  %s%n",
            StructuredLog.escape(entry.id()),
            entry.topic(),
            entry.attempts(),
            StructuredLog.escape(entry.lastError()));
        out.println("    " + StructuredLog.escape(entry.data()));
      }
      out.println(
          entries.size() + " dead letters; replay with ./pipeline replay TOPIC --id ID, or --all");
      return ExitCodes.PROBLEM;
    } catch (RuntimeException e) {
      out.println("cannot read the dead letters: " + Causes.chain(e));
      return ExitCodes.PROBLEM;
    }
  }

  static List<DeadLetterFile.Entry> entries(LocalRuntime local, Topic only) {
    String prefixed = only == null ? null : local.runtime().config().topic(only);
    return local.deadLetters().entries().stream()
        .filter(entry -> prefixed == null || entry.topic().equals(prefixed))
        .toList();
  }
}
