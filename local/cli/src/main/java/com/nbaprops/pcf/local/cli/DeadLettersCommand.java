package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.operations.DeadLetters;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "TOPIC",
      description = "Only this topic (without the environment prefix).")
  String topic;

  @Override
  public Integer call() {
    Topic only = topic == null ? null : Topic.parse(topic);
    try (LocalRuntime local = root.global.openReadOnly()) {
      return DeadLetters.list(local, only, root.global.env, spec.commandLine().getOut());
    }
  }
}
