package com.nbaprops.pcf.local.runtime;

import com.nbaprops.pcf.config.Topic;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the bus gave up on, as an operator lists and replays it: the embedded bus's file, or the
 * deployed functions' dead-letter subscriptions on Pub/Sub.
 */
public interface DeadLetterQueue extends AutoCloseable {
  /** The letters of the functions {@code only} triggers (every function's with null). */
  List<DeadLetterFile.Entry> entries(Topic only);

  /**
   * Publishes each chosen letter of {@code topic}'s consumers to {@code topic} again, with its own
   * data and attributes, and takes it off the queue.
   *
   * @return the new message id of each letter replayed, by its old id, in order
   */
  Map<String, String> replay(Topic topic, Predicate<String> chosenId);

  @Override
  void close();
}
