package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.operations.Publish;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a message to a topic of the local bus, as `gcloud pubsub topics publish TOPIC --message JSON` does"
          + " in the cloud; the subscribed functions run before this returns.",
      "Example: ./pipeline publish composite-factors-requests '{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}'"
    })
final class PublishCommand extends SubCommand {
  @Parameters(
      index = "0",
      paramLabel = "TOPIC",
      description = "Topic name without the environment prefix.")
  String topic;

  @Parameters(index = "1", paramLabel = "JSON", description = "The message data.")
  String json;

  @Override
  public Integer call() {
    Topic known = Topic.parse(topic);
    try (LocalRuntime local = global().open()) {
      return Publish.message(local, known, json, out());
    }
  }
}
