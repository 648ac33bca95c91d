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

  public static final class Warehouses implements BackendFactory<Warehouse> {
    @Override
    public Class<Warehouse> port() {
      return Warehouse.class;
    }

    @Override
    public String kind() {
      return "test";
    }

    @Override
    public Warehouse open(BackendSpec spec, PipelineRuntimeContext context) {
      return named(Warehouse.class, "test warehouse");
    }
  }

  public static final class Buses implements BackendFactory<EventBus> {
    @Override
    public Class<EventBus> port() {
      return EventBus.class;
    }

    @Override
    public String kind() {
      return "test";
    }

    @Override
    public EventBus open(BackendSpec spec, PipelineRuntimeContext context) {
      return named(EventBus.class, "test bus");
    }
  }

  public static final class Blobs implements BackendFactory<BlobStore> {
    @Override
    public Class<BlobStore> port() {
      return BlobStore.class;
    }

    @Override
    public String kind() {
      return "test";
    }

    @Override
    public BlobStore open(BackendSpec spec, PipelineRuntimeContext context) {
      return named(BlobStore.class, "test blobs in " + spec.requireLocation());
    }
  }
}
