package com.nbaprops.pcf.adapter.local;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;

/** {@code local}: the in-process bus; whoever opens it subscribes the functions. */
public final class LocalEventBusFactory implements BackendFactory<EventBus> {
  @Override
  public Class<EventBus> port() {
    return EventBus.class;
  }

  @Override
  public String kind() {
    return "local";
  }

  @Override
  public EventBus open(BackendSpec spec, PipelineRuntimeContext context) {
    return new LocalEventBus(
        context.config().projectId(),
        LocalEventBus.MAX_DELIVERY_ATTEMPTS,
        context.clock(),
        StructuredLog.to(context.logSink()));
  }
}
