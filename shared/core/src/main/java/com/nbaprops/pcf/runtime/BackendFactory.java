package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.BackendSpec;

/**
 * Opens one kind of adapter for one port ({@code bigquery} for {@link
 * com.nbaprops.pcf.port.Warehouse}, ...). Found with {@link java.util.ServiceLoader}, so a
 * deployment can open exactly the adapters its jar carries.
 *
 * @param <T> the port
 */
public abstract class BackendFactory<T> {
  private final Class<T> port;
  private final String kind;

  /**
   * @param port the port this factory's adapters implement
   * @param kind the spec's kind, the part before the colon: {@code duckdb}, {@code bigquery},
   *     {@code pubsub}, ...
   */
  protected BackendFactory(Class<T> port, String kind) {
    this.port = port;
    this.kind = kind;
  }

  /** The port this factory's adapters implement. */
  public final Class<T> port() {
    return port;
  }

  /** The spec's kind, the part before the colon. */
  public final String kind() {
    return kind;
  }

  public abstract T open(BackendSpec spec, PipelineRuntimeContext context);
}
