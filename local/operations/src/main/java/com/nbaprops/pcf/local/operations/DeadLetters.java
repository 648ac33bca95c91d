package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.failure.Causes;
import com.nbaprops.pcf.local.runtime.DeadLetterFile;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages the bus gave up on: the embedded bus's file, or the deployed functions' dead-letter
 * subscriptions; listed, and published again once whatever failed them is fixed.
 */
public final class DeadLetters {
  private DeadLetters() {}

  /** The embedded bus's dead letters, of {@code only}'s topic (every topic with null). */
  static List<DeadLetterFile.Entry> entries(LocalRuntime local, Topic only) {
    String prefixed = only == null ? null : local.runtime().config().topic(only);
    return local.deadLetters().entries().stream()
        .filter(entry -> prefixed == null || entry.topic().equals(prefixed))
        .toList();
  }

  /** Lists them; {@link ExitCodes#PROBLEM} when there are any, or they cannot be read. */
  public static int list(LocalRuntime local, Topic only, Map<String, String> env, PrintWriter out) {
    try {
      List<DeadLetterFile.Entry> entries;
      if (local.deliversLocally()) {
        entries = entries(local, only);
      } else {
        try (CloudDeadLetters cloud = new CloudDeadLetters(local, env)) {
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

  /**
   * Publishes the dead letters of {@code topic} with id {@code id} (every one with null) again, as
   * new messages with the same data and attributes.
   */
  public static int replay(
      LocalRuntime local, Topic topic, String id, Map<String, String> env, PrintWriter out) {
    if (!local.deliversLocally()) {
      try (CloudDeadLetters cloud = new CloudDeadLetters(local, env)) {
        int replayed = cloud.replay(local, topic, letter -> id == null || letter.equals(id));
        out.println(
            replayed
                + " dead letters published again to "
                + local.runtime().config().topic(topic)
                + "; the deployed functions process them");
        return replayed == 0 ? ExitCodes.USAGE : ExitCodes.OK;
      }
    }
    List<DeadLetterFile.Entry> chosen =
        entries(local, topic).stream()
            .filter(entry -> id == null || entry.id().equals(id))
            .toList();
    if (chosen.isEmpty()) {
      out.println(
          "no dead letter "
              + (id == null ? "" : id + " ")
              + "on "
              + topic.baseName()
              + "; see ./pipeline deadletters");
      return ExitCodes.USAGE;
    }
    int before = local.bus().deadLetters().size();
    for (DeadLetterFile.Entry entry : chosen) {
      // Published before it is taken off the file: a crash in between replays it twice (the
      // functions are idempotent), never loses it. A replay that fails again is dead-lettered
      // again under its new id.
      String replayed =
          local.runtime().publisher().publish(topic, entry.data(), entry.attributes());
      local.deadLetters().remove(Set.of(entry.id()));
      out.println("replayed " + entry.id() + " as " + replayed);
    }
    int failedAgain = local.bus().deadLetters().size() - before;
    out.println(
        chosen.size()
            + " replayed, "
            + failedAgain
            + " dead-lettered again"
            + (failedAgain == 0 ? "" : ": see ./pipeline deadletters"));
    return failedAgain == 0 ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
