package com.nbaprops.pcf.service;

import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.local.LocalDirectoryBlobStore;
import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Opens the adapters a configuration names ({@code WAREHOUSE}, {@code BUS}, {@code BLOBS}). */
public final class Backends {
  /** Where the embedded state lives when {@code PIPELINE_HOME} is not set. */
  public static final String DEFAULT_HOME = ".local";

  private Backends() {}

  /** The runtime of a deployed function, from its environment variables. */
  public static PipelineRuntime fromEnvironment(Map<String, String> env) {
    PipelineConfig config = PipelineConfig.fromEnvironment(env, env.getOrDefault("PIPELINE_HOME", DEFAULT_HOME));
    LogSink sink = StructuredLog.defaultSink(env);
    Clock clock = Clock.systemUTC();
    return new PipelineRuntime(
        config, warehouse(config), bus(config, clock, StructuredLog.to(sink)), blobs(config), clock, sink);
  }

  public static Warehouse warehouse(PipelineConfig config) {
    String spec = config.warehouse();
    String kind = kind(spec);
    if (kind.equals("duckdb")) {
      try {
        return DuckDbWarehouse.open(Path.of(location(spec)), config.catalog());
      } catch (NoClassDefFoundError e) {
        throw new ConfigException("WAREHOUSE=" + spec + " needs DuckDB, which this deployment does not include");
      }
    }
    throw new ConfigException("WAREHOUSE=" + spec + ": the " + kind + " adapter is not part of this build");
  }

  public static EventBus bus(PipelineConfig config, Clock clock, StructuredLog log) {
    String kind = kind(config.bus());
    if (kind.equals("local")) {
      return new LocalEventBus(config.projectId(), 5, clock, log);
    }
    throw new ConfigException("BUS=" + config.bus() + ": the " + kind + " adapter is not part of this build");
  }

  public static BlobStore blobs(PipelineConfig config) {
    String kind = kind(config.blobs());
    if (kind.equals("local")) {
      return new LocalDirectoryBlobStore(Path.of(location(config.blobs())));
    }
    throw new ConfigException("BLOBS=" + config.blobs() + ": the " + kind + " adapter is not part of this build");
  }

  private static String kind(String spec) {
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }

  private static String location(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0 || colon == spec.length() - 1) {
      throw new ConfigException("'" + spec + "' names no location after the ':'");
    }
    return spec.substring(colon + 1);
  }
}
