package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import java.lang.reflect.Proxy;

/**
 * Factories of kind {@code test}, registered for core's tests only: ports that say what opened
 * them.
 */
final class TestBackendFactories {
  private TestBackendFactories() {}

  static <T> T named(Class<T> port, String name) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              if (method.getName().equals("toString")) {
                return name;
              }
              throw new UnsupportedOperationException(method.getName());
            }));
  }

  public static final class Warehouses extends BackendFactory<Warehouse> {
    public Warehouses() {
      super(Warehouse.class, "test");
    }

    @Override
    public Warehouse open(BackendSpec spec, PipelineRuntimeContext context) {
      return named(Warehouse.class, "test warehouse");
    }
  }

  public static final class Buses extends BackendFactory<EventBus> {
    public Buses() {
      super(EventBus.class, "test");
    }

    @Override
    public EventBus open(BackendSpec spec, PipelineRuntimeContext context) {
      return named(EventBus.class, "test bus");
    }
  }

  public static final class Blobs extends BackendFactory<BlobStore> {
    public Blobs() {
      super(BlobStore.class, "test");
    }

    @Override
    public BlobStore open(BackendSpec spec, PipelineRuntimeContext context) {
      return named(BlobStore.class, "test blobs in " + spec.requireLocation());
    }
  }
}
