package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.loopback.PubSubEmulator;
import com.nbaprops.pcf.loopback.PubSubEmulator.Pulled;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull subscription of its own on each topic, read as the run goes: every message the chain
 * published, so the run can tell when each has been taken by its function and report what the
 * functions said, as an operator reads them with a subscription of their own.
 */
final class ChainTap {
  private static final String PREFIX = "tap-";

  private final PubSubEmulator emulator;
  private final String project;
  private final Map<String, List<Pulled>> byTopic = new LinkedHashMap<>();

  ChainTap(PubSubEmulator emulator, String project) {
    this.emulator = emulator;
    this.project = project;
  }

  /** Taps {@code topic}: from now on, what is published there is kept here. */
  void tap(String topic) throws IOException, InterruptedException {
    emulator.createPullSubscription(project, PREFIX + topic, topic);
    synchronized (byTopic) {
      byTopic.put(topic, new ArrayList<>());
    }
  }

  /** Takes what arrived since the last poll. */
  void poll() throws IOException, InterruptedException {
    List<String> topics;
    synchronized (byTopic) {
      topics = List.copyOf(byTopic.keySet());
    }
    for (String topic : topics) {
      List<Pulled> pulled;
      do {
        pulled = emulator.pull(project, PREFIX + topic, 500);
        synchronized (byTopic) {
          byTopic.get(topic).addAll(pulled);
        }
      } while (!pulled.isEmpty());
    }
  }

  /** Every message seen on {@code topic} so far. */
  List<Pulled> messages(String topic) {
    synchronized (byTopic) {
      return List.copyOf(byTopic.getOrDefault(topic, List.of()));
    }
  }
}
