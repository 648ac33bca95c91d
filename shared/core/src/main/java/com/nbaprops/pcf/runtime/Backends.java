package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the adapters a configuration names: {@code WAREHOUSE}, {@code BUS} and {@code BLOBS}, each
 * {@code kind[:location]}, through the {@link BackendFactory} implementations on the class path. On
 * Cloud Functions ({@code K_SERVICE} is set) the defaults are BigQuery, Pub/Sub and Cloud Storage;
 * elsewhere the embedded ones.
 */
public final class Backends {
  /** The variable naming where the embedded state lives. */
  public static final String HOME = "PIPELINE_HOME";

  /** Where the embedded state lives when {@link #HOME} is not set. */
  public static final String DEFAULT_HOME = ".local";

  /** The adapters this class path carries, found once: a deployment's jar does not change. */
  private static final List<BackendFactory<?>> FACTORIES = loadFactories();

  /**
   * Per function: each opens only the ports it uses, so one function's runtime is not another's.
   */
  private static final Map<FunctionName, PipelineRuntime> FROM_ENVIRONMENT =
      new ConcurrentHashMap<>();

  private Backends() {}

  /**
   * The runtime of a function instance: a running {@link RuntimeHost}'s, or one opened from the
   * environment once per process and function and shared, as the clients it holds are meant to be
   * (one gRPC channel, one HTTP transport).
   */
  public static PipelineRuntime forFunction(FunctionName function, Map<String, String> env) {
    for (RuntimeHost host :
        ServiceLoader.load(RuntimeHost.class, Backends.class.getClassLoader())) {
      var hosted = host.hostedRuntime();
      if (hosted.isPresent()) {
        return hosted.get();
      }
    }
    return FROM_ENVIRONMENT.computeIfAbsent(function, named -> open(named, env));
  }

  /**
   * Builds a new runtime for {@code function} from environment variables. Only the ports the
   * function uses are opened (its jar carries only their adapters); using another is a programming
   * error, said as such.
   */
  public static PipelineRuntime open(FunctionName function, Map<String, String> env) {
    PipelineConfig config =
        PipelineConfig.fromEnvironment(
            withCloudDefaults(function, env), env.getOrDefault(HOME, DEFAULT_HOME));
    checkKinds(config, function.usesBus(), function.usesBlobs());
    LogSink sink = StructuredLog.defaultSink(env);
    PipelineRuntimeContext context =
        new PipelineRuntimeContext(config, env, Clock.systemUTC(), sink);
    return new PipelineRuntime(
        config,
        warehouse(context),
        function.usesBus()
            ? bus(context)
            : Unopened.port(EventBus.class, function + " publishes nothing"),
        function.usesBlobs()
            ? blobs(context)
            : Unopened.port(BlobStore.class, function + " keeps no blobs"),
        context.clock(),
        sink);
  }

  /** On Cloud Functions, unset backends mean the cloud ones. */
  static Map<String, String> withCloudDefaults(FunctionName function, Map<String, String> env) {
    if (env.get("K_SERVICE") == null) {
      return env;
    }
    Map<String, String> settings = new HashMap<>(env);
    settings.putIfAbsent(PipelineConfig.WAREHOUSE, "bigquery");
    settings.putIfAbsent(PipelineConfig.BUS, "pubsub");
    if (function.usesBlobs() && !settings.containsKey(PipelineConfig.BLOBS)) {
      throw new ConfigException(
          PipelineConfig.BLOBS + " must name the backup bucket, e.g. gcs:my-project-backups");
    }
    return settings;
  }

  public static Warehouse warehouse(PipelineRuntimeContext context) {
    return open(Warehouse.class, PipelineConfig.WAREHOUSE, context.config().warehouse(), context);
  }

  public static EventBus bus(PipelineRuntimeContext context) {
    return open(EventBus.class, PipelineConfig.BUS, context.config().bus(), context);
  }

  public static BlobStore blobs(PipelineRuntimeContext context) {
    return open(BlobStore.class, PipelineConfig.BLOBS, context.config().blobs(), context);
  }

  /**
   * Refuses, all at once, every backend variable whose kind this class path cannot open, before any
   * adapter is opened (a deployment must not half-start).
   */
  public static void checkKinds(PipelineConfig config, boolean bus, boolean blobs) {
    List<String> problems = new ArrayList<>();
    checkKind(Warehouse.class, PipelineConfig.WAREHOUSE, config.warehouse(), problems);
    if (bus) {
      checkKind(EventBus.class, PipelineConfig.BUS, config.bus(), problems);
    }
    if (blobs) {
      checkKind(BlobStore.class, PipelineConfig.BLOBS, config.blobs(), problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
  }

  private static void checkKind(
      Class<?> port, String variable, String value, List<String> problems) {
    try {
      if (!factories(port).containsKey(BackendSpec.parse(variable, value).kind())) {
        problems.add(unknownKind(port, variable, value));
      }
    } catch (ConfigException e) {
      problems.add(e.getMessage());
    }
  }

  private static String unknownKind(Class<?> port, String variable, String value) {
    return variable
        + "='"
        + value
        + "' names no "
        + port.getSimpleName().toLowerCase(Locale.ROOT)
        + " this deployment can open; it has "
        + kinds(port);
  }

  /** The kinds this class path can open for {@code port}, sorted. */
  public static List<String> kinds(Class<?> port) {
    return new ArrayList<>(new TreeSet<>(factories(port).keySet()));
  }

  private static <T> T open(
      Class<T> port, String variable, String value, PipelineRuntimeContext context) {
    BackendSpec spec = BackendSpec.parse(variable, value);
    BackendFactory<T> factory = factories(port).get(spec.kind());
    if (factory == null) {
      throw new ConfigException(unknownKind(port, variable, value));
    }
    return factory.open(spec, context);
  }

  private static List<BackendFactory<?>> loadFactories() {
    List<BackendFactory<?>> factories = new ArrayList<>();
    ServiceLoader.load(BackendFactory.class, Backends.class.getClassLoader())
        .forEach(factories::add);
    return List.copyOf(factories);
  }

  private static <T> Map<String, BackendFactory<T>> factories(Class<T> port) {
    Map<String, BackendFactory<T>> byKind = new HashMap<>();
    for (BackendFactory<?> factory : FACTORIES) {
      if (factory.port() == port) {
        @SuppressWarnings("unchecked") // checked by the port comparison above
        BackendFactory<T> typed = (BackendFactory<T>) factory;
        byKind.put(factory.kind(), typed);
      }
    }
    return byKind;
  }
}
