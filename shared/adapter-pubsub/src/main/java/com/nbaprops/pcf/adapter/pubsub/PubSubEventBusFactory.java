package com.nbaprops.pcf.adapter.pubsub;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;

/**
 * {@code pubsub[:PROJECT]}: Pub/Sub in that project, or in {@code PROJECT_ID}; the emulator when
 * {@code PUBSUB_EMULATOR_HOST} is set, as the client libraries' own convention has it.
 */
public final class PubSubEventBusFactory extends BackendFactory<EventBus> {
  public PubSubEventBusFactory() {
    super(EventBus.class, "pubsub");
  }

  @Override
  public EventBus open(BackendSpec spec, PipelineRuntimeContext context) {
    return PubSubEventBus.connect(
        spec.projectOr(context.config().projectId()), context.env().get("PUBSUB_EMULATOR_HOST"));
  }
}
