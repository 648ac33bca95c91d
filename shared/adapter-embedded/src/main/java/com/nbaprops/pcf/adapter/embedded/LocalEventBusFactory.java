package com.nbaprops.pcf.adapter.embedded;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import java.time.Clock;

/**
 * {@code local[:WORKERS]}: the in-process bus; whoever opens it subscribes the functions. With
 * WORKERS above 1 it runs that many deliveries at once (the local {@code max_instance_count});
 * without, one at a time in order.
 */
public final class LocalEventBusFactory extends BackendFactory<EventBus> {
  public LocalEventBusFactory() {
    super(EventBus.class, "local");
  }

  /** The most deliveries a local bus runs at once. */
  public static final int MAX_WORKERS = 64;

  @Override
  public EventBus open(BackendSpec spec, PipelineRuntimeContext context) {
    return bus(
        spec, context.config().projectId(), context.clock(), StructuredLog.to(context.logSink()));
  }

  /** The bus {@code spec} describes. */
  public static LocalEventBus bus(
      BackendSpec spec, String projectId, Clock clock, StructuredLog log) {
    int workers = workers(spec);
    return workers == 1
        ? new LocalEventBus(projectId, LocalEventBus.MAX_DELIVERY_ATTEMPTS, clock, log)
        : LocalEventBus.pooled(projectId, LocalEventBus.MAX_DELIVERY_ATTEMPTS, clock, log, workers);
  }

  private static int workers(BackendSpec spec) {
    if (spec.location() == null) {
      return 1;
    }
    try {
      int workers = Integer.parseInt(spec.location());
      if (workers >= 1 && workers <= MAX_WORKERS) {
        return workers;
      }
    } catch (NumberFormatException e) {
      // reported below, with what is allowed
    }
    throw new IllegalArgumentException(
        spec.variable()
            + "='"
            + spec
            + "': the local bus takes the number of deliveries to run at once, from 1 to "
            + MAX_WORKERS
            + ", e.g. local:4");
  }
}
