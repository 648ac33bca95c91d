package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.operations.DeadLetters;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "deadletters",
    mixinStandardHelpOptions = true,
    description = {
      "List the messages the bus gave up on, with the error of their last delivery: the embedded"
          + " bus's, or with --bus pubsub:PROJECT the deployed functions' dead-letter subscriptions.",
      "Example: ./pipeline deadletters composite-factors-requests"
    })
final class DeadLettersCommand extends SubCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "TOPIC",
      description = "Only this topic (without the environment prefix).")
  String topic;

  @Override
  public Integer call() {
    Topic only = topic == null ? null : Topic.parse(topic);
    try (LocalRuntime local = global().openReadOnly()) {
      return DeadLetters.list(local, only, global().env, out());
    }
  }
}
