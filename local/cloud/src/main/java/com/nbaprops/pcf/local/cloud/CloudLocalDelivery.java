package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.DeadLetterQueue;
import com.nbaprops.pcf.local.runtime.Delivery;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A request handed to the functions of {@link CloudOnThisMachine}: its outcome is read once every
 * message it led to has been taken, as in process, followed by what the cloud's rules did. A dead
 * letter, or a run that did not settle, is a problem whatever the dates say.
 */
final class CloudLocalDelivery implements Delivery {
  /** Longer than any run of the season, with every retry's backoff. */
  static final Duration DEADLINE = Duration.ofMinutes(30);

  private final CloudOnThisMachine cloud;
  private final LocalRuntime local;

  CloudLocalDelivery(CloudOnThisMachine cloud, LocalRuntime local) {
    this.cloud = cloud;
    this.local = local;
  }

  @Override
  public int outcome(Topic topic, String what, PrintWriter out, IntSupplier here) {
    out.println(
        "published "
            + what
            + " to the Pub/Sub emulator; the functions' deploy jars process it ...");
    out.flush();
    boolean settled;
    try {
      settled = cloud.awaitSettled(DEADLINE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      settled = false;
    }
    cloud.recordOutcomes(local);
    int exit = here.getAsInt();
    List<String> letters = cloud.deadLetters();
    letters.forEach(letter -> out.println("dead letter: " + letter));
    try {
      cloud.summary().forEach(out::println);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!settled) {
      out.println(
          "the run did not settle within "
              + DEADLINE.toMinutes()
              + " minutes: messages were still waiting for their functions");
    }
    return !settled || !letters.isEmpty() ? Math.max(exit, ExitCodes.PROBLEM) : exit;
  }

  @Override
  public DeadLetterQueue deadLetters(Map<String, String> env) {
    return local.handover().deadLetters(env);
  }
}
