package com.nbaprops.pcf.local.runtime;

import com.nbaprops.pcf.adapter.pubsub.PubSubDeadLetters;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dead letters of the deployed functions, on the dead-letter subscriptions Terraform creates
 * (one per consuming function, {@code <prefix><function>-dead-letter}). Pub/Sub keeps no error, so
 * an entry points to the function's logs instead.
 */
final class CloudDeadLetterQueue implements DeadLetterQueue {
  private static final int MAX_LISTED = 1000;

  private final LocalRuntime local;
  private final PubSubDeadLetters letters;
  private final PipelineConfig config;

  /**
   * @param emulatorHost the Pub/Sub emulator's host:port, or null for Pub/Sub itself
   */
  CloudDeadLetterQueue(LocalRuntime local, String project, String emulatorHost) {
    this.local = local;
    this.config = local.runtime().config();
    this.letters = PubSubDeadLetters.connect(project, emulatorHost);
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

  @Override
  public List<DeadLetterFile.Entry> entries(Topic only) {
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

  @Override
  public Map<String, String> replay(Topic topic, Predicate<String> chosenId) {
    Map<String, String> replayed = new LinkedHashMap<>();
    for (SuiteFunction function : consumers(topic)) {
      letters.take(
          subscription(function),
          letter -> chosenId.test(letter.messageId()),
          letter ->
              replayed.put(
                  letter.messageId(),
                  local.runtime().publisher().publish(topic, letter.data(), own(letter))));
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
