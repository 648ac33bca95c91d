package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.adapter.pubsub.PubSubDeadLetters;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.DeadLetterFile;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dead letters of the deployed functions, on the dead-letter subscriptions Terraform creates
 * (one per consuming function, {@code <prefix><function>-dead-letter}). Pub/Sub keeps no error, so
 * an entry points to the function's logs instead.
 */
final class CloudDeadLetters implements AutoCloseable {
  private static final int MAX_LISTED = 1000;

  private final PubSubDeadLetters letters;
  private final PipelineConfig config;

  CloudDeadLetters(LocalRuntime local, Map<String, String> env) {
    this.config = local.runtime().config();
    String project =
        BackendSpec.parse(PipelineConfig.BUS, config.bus()).projectOr(config.projectId());
    this.letters = PubSubDeadLetters.connect(project, env.get("PUBSUB_EMULATOR_HOST"));
  }

  /** The dead-letter subscriptions of the functions {@code topic} triggers (all with null). */
  private List<SuiteFunction> consumers(Topic topic) {
    return List.of(SuiteFunction.values()).stream()
        .filter(f -> topic == null ? !f.triggers().isEmpty() : f.triggers().contains(topic))
        .toList();
  }

  private String subscription(SuiteFunction function) {
    return config.topicPrefix() + function.functionName() + "-dead-letter";
  }

  List<DeadLetterFile.Entry> entries(Topic only) {
    List<DeadLetterFile.Entry> entries = new ArrayList<>();
    for (SuiteFunction function : consumers(only)) {
      for (PubSubDeadLetters.Letter letter : letters.peek(subscription(function), MAX_LISTED)) {
        entries.add(
            new DeadLetterFile.Entry(
                letter.messageId(),
                subscription(function),
                subscription(function),
                letter.deliveries(),
                "Pub/Sub keeps no error: see the logs of " + function.functionName(),
                letter.data(),
                letter.attributes()));
      }
    }
    return entries;
  }

  /** Publishes the chosen letters of {@code topic}'s consumers to {@code topic} again. */
  int replay(LocalRuntime local, Topic topic, Predicate<String> chosenId) {
    int replayed = 0;
    for (SuiteFunction function : consumers(topic)) {
      replayed +=
          letters.take(
              subscription(function),
              letter -> chosenId.test(letter.messageId()),
              letter -> local.runtime().publisher().publish(topic, letter.data(), own(letter)));
    }
    return replayed;
  }

  /** The message's own attributes, without those Pub/Sub added when it dead-lettered it. */
  private static Map<String, String> own(PubSubDeadLetters.Letter letter) {
    Map<String, String> attributes = new HashMap<>(letter.attributes());
    attributes.keySet().removeIf(key -> key.startsWith("CloudPubSubDeadLetter"));
    return attributes;
  }

  @Override
  public void close() {
    letters.close();
  }
}
