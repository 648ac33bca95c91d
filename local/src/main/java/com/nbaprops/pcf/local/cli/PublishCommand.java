package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.LocalRuntime;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a message to a topic of the local bus, as `gcloud pubsub topics publish TOPIC --message JSON` does"
          + " in the cloud; the subscribed functions run before this returns.",
      "Example: ./pipeline publish composite-factors-requests '{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}'"
    })
final class PublishCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(
      index = "0",
      paramLabel = "TOPIC",
      description = "Topic name without the environment prefix.")
  String topic;

  @Parameters(index = "1", paramLabel = "JSON", description = "The message data.")
  String json;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    Topic known = Topic.parse(topic);
    try (LocalRuntime local = global.open()) {
      int before = local.bus().published().size();
      String id = local.runtime().publisher().publish(known, json, Map.of());
      if (!local.deliversLocally()) {
        return Handover.report(local, known, id, out);
      }
      int after = local.bus().published().size();
      out.println(
          "published message "
              + id
              + " to "
              + local.runtime().config().topic(known)
              + "; "
              + (after - before - 1)
              + " downstream messages followed");
      local
          .bus()
          .published()
          .subList(before + 1, after)
          .forEach(m -> out.println("  " + m.topic() + " " + m.data()));
      return local.bus().deadLetters().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }
}
