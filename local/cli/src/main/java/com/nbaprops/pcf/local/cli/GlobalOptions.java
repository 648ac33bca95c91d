package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.adapter.embedded.LocalEventBusFactory;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.local.cloud.CloudOnThisMachine;
import com.nbaprops.pcf.local.runtime.BackendChoice;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.runtime.Backends;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every sub-command takes, and how they open the embedded runtime. */
final class GlobalOptions {
  @Option(
      names = "--today",
      scope = ScopeType.INHERIT,
      paramLabel = "YYYY-MM-DD",
      description = "Fix the clock to this date (in America/New_York), so runs are repeatable.")
  LocalDate today;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show every log line of the functions, not only warnings and errors.")
  boolean verbose;

  @Option(
      names = "--warehouse",
      scope = ScopeType.INHERIT,
      paramLabel = "SPEC",
      description = "duckdb:PATH (default: the pipeline home) or bigquery:PROJECT.")
  String warehouse;

  @Option(
      names = "--bus",
      scope = ScopeType.INHERIT,
      paramLabel = "SPEC",
      description =
          "local[:N] (default: run the functions here, N deliveries at once, as many as the"
              + " machine has cores by default, as the cloud runs several instances; local:1 for one"
              + " at a time) or pubsub:PROJECT (hand messages to the deployed ones).")
  String bus;

  @Option(
      names = "--blobs",
      scope = ScopeType.INHERIT,
      paramLabel = "SPEC",
      description = "local:DIR (default: the pipeline home) or gcs:BUCKET.")
  String blobs;

  Map<String, String> env = System.getenv();

  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description =
          "text (default: readable lines) or json (Cloud Logging's JSON lines, for piping).")
  LogFormat logFormat = LogFormat.TEXT;

  /** How log lines are written. */
  enum LogFormat {
    TEXT,
    JSON
  }

  PrintStream logStream = System.err;
  private Console console;

  /** {@code PIPELINE_HOME}, or {@code .local} in the current folder. */
  Path home() {
    return Path.of(env.getOrDefault(Backends.HOME, Backends.DEFAULT_HOME));
  }

  /**
   * For commands that work on the embedded state only: seed and demo replace whole input tables
   * with sample data, which must never reach a real warehouse; serve shares one embedded warehouse
   * between its functions.
   */
  void requireEmbedded(String command) {
    if (!isKind(warehouse, PipelineConfig.WAREHOUSE, "duckdb")
        || !isKind(bus, PipelineConfig.BUS, "local")
        || !isKind(blobs, PipelineConfig.BLOBS, "local")) {
      throw new IllegalArgumentException(
          command
              + " works on the embedded warehouse only; it takes no --warehouse, --bus or --blobs (nor WAREHOUSE, BUS, BLOBS) other than the"
              + " embedded ones");
    }
  }

  /**
   * Whether the option, or else the environment's variable (what the runtime will open), names
   * {@code kind}; unset means the embedded default.
   */
  private boolean isKind(String option, String variable, String kind) {
    String spec = option != null ? option : env.get(variable);
    return spec == null || BackendSpec.parse(variable, spec).kind().equals(kind);
  }

  /**
   * The bus the options or BUS name; else the embedded one with a delivery per core at once, the
   * local analogue of the functions' max_instance_count.
   */
  private String bus() {
    if (bus != null || env.containsKey(PipelineConfig.BUS)) {
      return bus;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return "local:" + Math.min(cores, LocalEventBusFactory.MAX_WORKERS);
  }

  LocalRuntime open() {
    LocalRuntime local =
        LocalRuntime.open(
            home(), env, today, logSink(), new BackendChoice(warehouse, bus(), blobs));
    local.onClose(console()::finish);
    return local;
  }

  /**
   * The embedded warehouse, with requests published to {@code cloud}'s Pub/Sub and processed by its
   * functions, which read and write this warehouse through the loopback BigQuery.
   */
  LocalRuntime openIn(CloudOnThisMachine cloud) {
    requireEmbedded("--cloud-local");
    LocalRuntime local = cloud.openRuntime(home(), env, today, logSink(), blobs);
    local.onClose(console()::finish);
    return local;
  }

  /** The configuration the embedded runtime opens with, before it opens. */
  PipelineConfig config() {
    return PipelineConfig.fromEnvironment(env, home().toString());
  }

  /** For a command that only reads: the embedded warehouse read-only, nothing subscribed. */
  LocalRuntime openReadOnly() {
    LocalRuntime local =
        LocalRuntime.openReadOnly(
            home(), env, today, logSink(), new BackendChoice(warehouse, bus, blobs));
    local.onClose(console()::finish);
    return local;
  }

  /** The error stream the logs and the progress share; a terminal when there is one. */
  Console console() {
    if (console == null) {
      console = new Console(logStream, interactive(), Clock.systemUTC());
    }
    return console;
  }

  /**
   * Whether the error stream is a terminal: a console whose streams are both attached (Java 17's
   * {@code System.console()} is null otherwise; later releases say so with {@code isTerminal()}).
   */
  @SuppressWarnings("SystemConsoleNull") // the project is built and run on Java 17
  private static boolean interactive() {
    return System.console() != null;
  }

  LogSink logSink() {
    return logFormat == LogFormat.JSON ? console().jsonSink() : console().textSink(verbose);
  }
}
