package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.port.EventBus;
import java.util.Map;

/** Publishes to the suite's topics under the configured prefix. */
public final class TopicPublisher {
  private final EventBus bus;
  private final PipelineConfig config;

  public TopicPublisher(EventBus bus, PipelineConfig config) {
    this.bus = bus;
    this.config = config;
  }

  /** Returns the message id once the bus has accepted the message. */
  public String publish(Topic topic, String json, Map<String, String> attributes) {
    return bus.publish(config.topic(topic), json, attributes);
  }
}
