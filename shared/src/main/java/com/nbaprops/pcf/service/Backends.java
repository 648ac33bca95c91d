package com.nbaprops.pcf.service;

import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.storage.StorageOptions;
import com.nbaprops.pcf.adapter.bigquery.BigQueryWarehouse;
import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.gcs.GcsBlobStore;
import com.nbaprops.pcf.adapter.local.LocalDirectoryBlobStore;
import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.adapter.pubsub.PubSubEventBus;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens the adapters a configuration names: {@code WAREHOUSE} ({@code duckdb:PATH} or {@code bigquery[:PROJECT]}),
 * {@code BUS} ({@code local} or {@code pubsub[:PROJECT]}), {@code BLOBS} ({@code local:DIR} or {@code gcs:BUCKET}).
 * On Cloud Functions ({@code K_SERVICE} is set) the defaults are BigQuery, Pub/Sub and Cloud Storage; elsewhere the
 * embedded ones.
 */
public final class Backends {
  /** Where the embedded state lives when {@code PIPELINE_HOME} is not set. */
  public static final String DEFAULT_HOME = ".local";

  private static volatile PipelineRuntime hosted;
  private static volatile PipelineRuntime fromEnvironment;

  private Backends() {}

  /**
   * The runtime of a function instance. It is built once per process and shared, as the clients it holds are meant
   * to be (one gRPC channel, one HTTP transport), unless a host has handed one over with {@link #host}.
   */
  public static PipelineRuntime fromEnvironment(Map<String, String> env) {
    PipelineRuntime runtime = hosted != null ? hosted : fromEnvironment;
    if (runtime == null) {
      synchronized (Backends.class) {
        if (fromEnvironment == null) {
          fromEnvironment = open(env);
        }
        runtime = fromEnvironment;
      }
    }
    return runtime;
  }

  /**
   * Makes every function constructed in this process use {@code runtime}: {@code ./pipeline serve} hosts the four
   * functions under the invoker in one process, sharing one embedded warehouse and its HTTP-delivering bus.
   */
  public static void host(PipelineRuntime runtime) {
    hosted = runtime;
  }

  /** Builds a new runtime from environment variables. */
  public static PipelineRuntime open(Map<String, String> env) {
    PipelineConfig config =
        PipelineConfig.fromEnvironment(withDefaults(env), env.getOrDefault("PIPELINE_HOME", DEFAULT_HOME));
    LogSink sink = StructuredLog.defaultSink(env);
    Clock clock = Clock.systemUTC();
    return new PipelineRuntime(
        config, warehouse(config), bus(config, env, clock, StructuredLog.to(sink)), blobs(config), clock, sink);
  }

  /** On Cloud Functions, unset backends mean the cloud ones. */
  static Map<String, String> withDefaults(Map<String, String> env) {
    if (env.get("K_SERVICE") == null) {
      return env;
    }
    Map<String, String> settings = new HashMap<>(env);
    settings.putIfAbsent(PipelineConfig.WAREHOUSE, "bigquery");
    settings.putIfAbsent(PipelineConfig.BUS, "pubsub");
    if (!settings.containsKey(PipelineConfig.BLOBS)) {
      throw new ConfigException(PipelineConfig.BLOBS + " must name the backup bucket, e.g. gcs:my-project-backups");
    }
    return settings;
  }

  public static Warehouse warehouse(PipelineConfig config) {
    String spec = config.warehouse();
    return switch (kind(spec)) {
      case "duckdb" -> duckDb(spec, config);
      case "bigquery" ->
          new BigQueryWarehouse(
              withCredentials(BigQueryOptions.newBuilder().setProjectId(project(spec, config)).build(), spec)
                  .getService(),
              config.catalog());
      default -> throw new ConfigException("WAREHOUSE=" + spec + " names no known warehouse");
    };
  }

  private static Warehouse duckDb(String spec, PipelineConfig config) {
    try {
      return DuckDbWarehouse.open(Path.of(location(spec)), config.catalog());
    } catch (NoClassDefFoundError e) {
      throw new ConfigException("WAREHOUSE=" + spec + " needs DuckDB, which this deployment does not include");
    }
  }

  public static EventBus bus(PipelineConfig config, Map<String, String> env, Clock clock, StructuredLog log) {
    String spec = config.bus();
    return switch (kind(spec)) {
      case "local" -> new LocalEventBus(config.projectId(), LocalEventBus.MAX_DELIVERY_ATTEMPTS, clock, log);
      case "pubsub" -> PubSubEventBus.connect(project(spec, config), env.get("PUBSUB_EMULATOR_HOST"));
      default -> throw new ConfigException("BUS=" + spec + " names no known bus");
    };
  }

  public static BlobStore blobs(PipelineConfig config) {
    String spec = config.blobs();
    return switch (kind(spec)) {
      case "local" -> new LocalDirectoryBlobStore(Path.of(location(spec)));
      case "gcs" ->
          new GcsBlobStore(
              withCredentials(StorageOptions.newBuilder().setProjectId(config.projectId()).build(), spec).getService(),
              location(spec));
      default -> throw new ConfigException("BLOBS=" + spec + " names no known blob store");
    };
  }

  /** The client libraries fail deep inside the first call without credentials; say so at start-up instead. */
  private static <T extends ServiceOptions<?, ?>> T withCredentials(T options, String spec) {
    if (options.getCredentials() == null) {
      throw new ConfigException(
          spec + " needs Google Cloud credentials, and none were found: run `gcloud auth application-default login`"
              + " or set GOOGLE_APPLICATION_CREDENTIALS");
    }
    return options;
  }

  private static String kind(String spec) {
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }

  /** The project after the colon, or the configured {@code PROJECT_ID}. */
  private static String project(String spec, PipelineConfig config) {
    return spec.contains(":") ? location(spec) : config.projectId();
  }

  private static String location(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0 || colon == spec.length() - 1) {
      throw new ConfigException("'" + spec + "' names no location after the ':'");
    }
    return spec.substring(colon + 1);
  }
}
