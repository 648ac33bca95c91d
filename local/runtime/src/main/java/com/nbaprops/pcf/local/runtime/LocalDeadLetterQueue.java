package com.nbaprops.pcf.local.runtime;

import com.nbaprops.pcf.config.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The embedded bus's dead letters, kept in the pipeline home across runs. */
final class LocalDeadLetterQueue implements DeadLetterQueue {
  private final LocalRuntime local;

  LocalDeadLetterQueue(LocalRuntime local) {
    this.local = local;
  }

  @Override
  public List<DeadLetterFile.Entry> entries(Topic only) {
    String prefixed = only == null ? null : local.runtime().config().topic(only);
    return local.deadLetters().entries().stream()
        .filter(entry -> prefixed == null || entry.topic().equals(prefixed))
        .toList();
  }

  @Override
  public Map<String, String> replay(Topic topic, Predicate<String> chosenId) {
    Map<String, String> replayed = new LinkedHashMap<>();
    for (DeadLetterFile.Entry entry : entries(topic)) {
      if (!chosenId.test(entry.id())) {
        continue;
      }
      // Published before it is taken off the file: a crash in between replays it twice (the
      // functions are idempotent), never loses it. A replay that fails again is dead-lettered
      // again under its new id.
      replayed.put(
          entry.id(), local.runtime().publisher().publish(topic, entry.data(), entry.attributes()));
      local.deadLetters().remove(Set.of(entry.id()));
    }
    return replayed;
  }

  @Override
  public void close() {
    // the file is read and written whole on each call
  }
}
