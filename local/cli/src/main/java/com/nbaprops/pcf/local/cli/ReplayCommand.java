package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.operations.DeadLetters;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Publish dead letters of TOPIC again, as new messages (new ids, the same data and attributes),"
          + " once whatever failed them is fixed. A replayed message is processed like any other;"
          + " if it fails again, it is dead-lettered again.",
      "Example: ./pipeline replay composite-factors-requests --all"
    })
final class ReplayCommand extends SubCommand {
  @Parameters(paramLabel = "TOPIC", description = "The topic (without the environment prefix).")
  String topic;

  @ArgGroup(multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--id", paramLabel = "ID", description = "The dead letter with this id.")
    String id;

    @Option(names = "--all", description = "Every dead letter of the topic.")
    boolean all;
  }

  @Override
  public Integer call() {
    Topic target = Topic.parse(topic);
    try (LocalRuntime local = global().open()) {
      return DeadLetters.replay(local, target, which.all ? null : which.id, global().env, out());
    }
  }
}
