package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.BackendSpec;

/**
 * Opens one kind of adapter for one port ({@code bigquery} for {@link
 * com.nbaprops.pcf.port.Warehouse}, ...). Found with {@link java.util.ServiceLoader}, so a
 * deployment can open exactly the adapters its jar carries.
 *
 * @param <T> the port
 */
public interface BackendFactory<T> {
  /** The port this factory's adapters implement. */
  Class<T> port();

  /**
   * The spec's kind, the part before the colon: {@code duckdb}, {@code bigquery}, {@code pubsub},
   * ....
   */
  String kind();

  T open(BackendSpec spec, PipelineRuntimeContext context);
}
