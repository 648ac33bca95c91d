package com.nbaprops.pcf.port;

import java.util.Map;

/** Publishes messages: Pub/Sub in the cloud, an in-process bus locally. */
public interface EventBus {

  /**
   * Publishes {@code data} (JSON) with {@code attributes} to the topic named {@code topic} (already
   * prefixed) and returns the message id once the bus has accepted it.
   */
  String publish(String topic, String data, Map<String, String> attributes);
}
