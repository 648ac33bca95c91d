package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.failure.Causes;
import com.nbaprops.pcf.local.runtime.DeadLetterFile;
import com.nbaprops.pcf.local.runtime.DeadLetterQueue;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The messages the bus gave up on: the embedded bus's file, or the deployed functions' dead-letter
 * subscriptions; listed, and published again once whatever failed them is fixed.
 */
public final class DeadLetters {
  private DeadLetters() {}

  /** Lists them; {@link ExitCodes#PROBLEM} when there are any, or they cannot be read. */
  public static int list(LocalRuntime local, Topic only, Map<String, String> env, PrintWriter out) {
    try {
      List<DeadLetterFile.Entry> entries;
      try (DeadLetterQueue queue = local.delivery().deadLetters(env)) {
        entries = queue.entries(only);
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
    try (DeadLetterQueue queue = local.delivery().deadLetters(env)) {
      int before = local.bus().deadLetters().size();
      Map<String, String> replayed = queue.replay(topic, letter -> id == null || letter.equals(id));
      if (replayed.isEmpty()) {
        out.println(
            "no dead letter "
                + (id == null ? "" : id + " ")
                + "on "
                + topic.baseName()
                + "; see ./pipeline deadletters");
        return ExitCodes.USAGE;
      }
      replayed.forEach((old, again) -> out.println("replayed " + old + " as " + again));
      return local
          .delivery()
          .outcome(
              topic,
              replayed.size() + " dead letters",
              out,
              () -> failedAgain(local, replayed.size(), before, out));
    }
  }

  /** A replay that fails again is dead-lettered again, under its new id. */
  private static int failedAgain(LocalRuntime local, int replayed, int before, PrintWriter out) {
    int failedAgain = local.bus().deadLetters().size() - before;
    out.println(
        replayed
            + " replayed, "
            + failedAgain
            + " dead-lettered again"
            + (failedAgain == 0 ? "" : ": see ./pipeline deadletters"));
    return failedAgain == 0 ? ExitCodes.OK : ExitCodes.PROBLEM;
  }
}
