package com.nbaprops.pcf.local.runtime;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.adapter.embedded.LocalEventBusFactory;
import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.sql.SqlTemplate;
import com.nbaprops.pcf.table.TableDefinition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The embedded default: a DuckDB file and a blob directory under the pipeline home, and an
 * in-process bus that delivers each topic to the same function classes the cloud runs.
 */
public final class LocalRuntime implements AutoCloseable {
  private final PipelineRuntime runtime;
  private final LocalEventBus bus;
  private final Delivery delivery;
  private final DeadLetterFile deadLetters;
  private final List<Runnable> closeHooks = new ArrayList<>();

  private LocalRuntime(
      PipelineRuntime runtime,
      LocalEventBus bus,
      Function<LocalRuntime, Delivery> delivery,
      DeadLetterFile deadLetters) {
    this.runtime = runtime;
    this.bus = bus;
    this.deadLetters = deadLetters;
    // The one place the mode is chosen: operations ask the delivery, never the bus.
    this.delivery = delivery.apply(this);
  }

  /**
   * Where the requests this process publishes are processed: here, or by the deployed functions.
   */
  public Delivery delivery() {
    return delivery;
  }

  /** Handing requests to the functions behind this runtime's Pub/Sub bus. */
  public Delivery handover() {
    return new CloudHandover(this);
  }

  /**
   * The embedded default with the four functions subscribed to its bus.
   *
   * @param today fixes the clock (at noon in the league's time zone) so runs are repeatable; null
   *     for the real clock
   */
  public static LocalRuntime open(
      Path home, Map<String, String> env, LocalDate today, LogSink logSink) {
    return open(home, env, today, logSink, BackendChoice.EMBEDDED);
  }

  /**
   * The chosen adapters, with the four functions subscribed when the bus is the in-process one.
   *
   * @param choice the adapters to use instead of the embedded ones; with a Pub/Sub bus, messages go
   *     to the deployed functions and nothing runs in this process
   */
  public static LocalRuntime open(
      Path home, Map<String, String> env, LocalDate today, LogSink logSink, BackendChoice choice) {
    LocalRuntime local = build(home, env, today, logSink, choice, false, false, null);
    local.subscribeFunctions();
    return local;
  }

  /**
   * The chosen adapters with nothing subscribed, and requests processed as {@code delivery} says:
   * by functions this process started elsewhere (the cloud path on this machine), whose outcomes
   * the delivery records on this runtime's bus.
   */
  public static LocalRuntime openWith(
      Path home,
      Map<String, String> env,
      LocalDate today,
      LogSink logSink,
      BackendChoice choice,
      Function<LocalRuntime, Delivery> delivery) {
    return build(home, env, today, logSink, choice, false, false, delivery);
  }

  /**
   * For commands that only read (status, report, preflight, deadletters): the embedded warehouse
   * opened read-only, so they need no write access and never change it; nothing is subscribed.
   */
  public static LocalRuntime openReadOnly(
      Path home, Map<String, String> env, LocalDate today, LogSink logSink, BackendChoice choice) {
    return build(home, env, today, logSink, choice, false, true, null);
  }

  /**
   * The embedded runtime with nothing subscribed and a bus that delivers on its own thread: a host
   * (serve) points it at the functions' HTTP endpoints, and a function publishing inside its
   * request must not wait for the next one.
   */
  public static LocalRuntime openForHosting(
      Path home, Map<String, String> env, LocalDate today, LogSink logSink) {
    return build(home, env, today, logSink, BackendChoice.EMBEDDED, true, false, null);
  }

  private static LocalRuntime build(
      Path home,
      Map<String, String> env,
      LocalDate today,
      LogSink logSink,
      BackendChoice choice,
      boolean asynchronous,
      boolean readOnly,
      Function<LocalRuntime, Delivery> delivery) {
    // An option on the command line wins over the environment, which wins over the embedded
    // default.
    Map<String, String> settings = new HashMap<>(env);
    putIfChosen(settings, PipelineConfig.WAREHOUSE, choice.warehouse());
    putIfChosen(settings, PipelineConfig.BUS, choice.bus());
    putIfChosen(settings, PipelineConfig.BLOBS, choice.blobs());
    PipelineConfig config = PipelineConfig.fromEnvironment(settings, home.toString());
    Clock clock =
        today == null
            ? Clock.systemUTC()
            : Clock.fixed(
                today.atTime(LocalTime.NOON).atZone(config.leagueTimeZone()).toInstant(),
                ZoneOffset.UTC);
    Backends.checkKinds(config, true, true);
    boolean deliversLocally =
        BackendSpec.parse(PipelineConfig.BUS, config.bus()).kind().equals("local");
    PipelineRuntimeContext context = new PipelineRuntimeContext(config, env, clock, logSink);
    BackendSpec warehouseSpec = BackendSpec.parse(PipelineConfig.WAREHOUSE, config.warehouse());
    Warehouse warehouse =
        readOnly && warehouseSpec.kind().equals("duckdb")
            ? DuckDbWarehouse.openReadOnly(
                Path.of(warehouseSpec.requireLocation()), config.catalog())
            : Backends.warehouse(context);
    StructuredLog busLog = StructuredLog.to(logSink);
    LocalEventBus bus =
        asynchronous
            ? LocalEventBus.asynchronous(
                config.projectId(), LocalEventBus.MAX_DELIVERY_ATTEMPTS, clock, busLog)
            : LocalEventBusFactory.bus(
                deliversLocally
                    ? BackendSpec.parse(PipelineConfig.BUS, config.bus())
                    : BackendSpec.parse(PipelineConfig.BUS, "local"),
                config.projectId(),
                clock,
                busLog);
    // The dead-letter topic of the embedded bus outlives the process, as Pub/Sub's does.
    DeadLetterFile deadLetters = new DeadLetterFile(home);
    bus.onDeadLetter(deadLetters::append);
    EventBus publishTo = deliversLocally ? bus : Backends.bus(context);
    PipelineRuntime runtime =
        new PipelineRuntime(config, warehouse, publishTo, Backends.blobs(context), clock, logSink);
    Function<LocalRuntime, Delivery> chosen =
        delivery != null ? delivery : deliversLocally ? InProcessDelivery::new : CloudHandover::new;
    return new LocalRuntime(runtime, bus, chosen, deadLetters);
  }

  /**
   * The four functions wired to {@code bus} over a runtime built elsewhere (a test's, with its own
   * adapters).
   */
  public static LocalRuntime of(PipelineRuntime runtime, LocalEventBus bus, Path home) {
    DeadLetterFile deadLetters = new DeadLetterFile(home);
    bus.onDeadLetter(deadLetters::append);
    LocalRuntime local = new LocalRuntime(runtime, bus, InProcessDelivery::new, deadLetters);
    local.subscribeFunctions();
    return local;
  }

  private static void putIfChosen(Map<String, String> settings, String name, String spec) {
    if (spec != null) {
      settings.put(name, spec);
    }
  }

  /** Delivers each topic to the function the cloud triggers with it, in this process. */
  private void subscribeFunctions() {
    route(function -> function.create(runtime));
  }

  /**
   * Subscribes, for each function of the suite, {@code receiver.apply(function)} to every topic
   * that triggers it: the function itself, or (under serve) whatever carries the message to it.
   */
  public void route(Function<SuiteFunction, CloudEventsFunction> receiver) {
    for (SuiteFunction function : SuiteFunction.values()) {
      CloudEventsFunction target = receiver.apply(function);
      for (Topic topic : function.triggers()) {
        bus.subscribe(runtime.config().topic(topic), function.subscription(topic), target);
      }
      if (function.hearsTableWrites()) {
        bus.subscribeEvents(
            SuiteFunction.TABLE_WRITTEN,
            function.functionName() + "-" + SuiteFunction.TABLE_WRITTEN,
            target);
      }
    }
  }

  public PipelineRuntime runtime() {
    return runtime;
  }

  /** A table's name in this runtime's warehouse, dataset included. */
  public String tableName(TableDefinition table) {
    return runtime.config().catalog().qualifiedName(table);
  }

  /** The rows of {@code sql} on this runtime's warehouse. */
  public List<Row> query(Sql sql) {
    return runtime.warehouse().query(sql);
  }

  /** Runs DML on this runtime's warehouse; returns the rows it changed. */
  public long execute(Sql sql) {
    return runtime.warehouse().execute(sql);
  }

  /** A statement on this runtime's warehouse, its tables named {@code {table_name}}. */
  public Sql sql(String template) {
    return runtime.config().catalog().sql(template);
  }

  /** SQL text for this runtime's warehouse, its tables named {@code {table_name}}. */
  public SqlTemplate template(String text) {
    return runtime.config().catalog().template(text);
  }

  /** What the bus gave up on, kept in the pipeline home across runs. */
  public DeadLetterFile deadLetters() {
    return deadLetters;
  }

  public LocalEventBus bus() {
    return bus;
  }

  /**
   * Tells {@code listener} of each date a function of the suite finished for run {@code runId}, as
   * it finishes.
   */
  public void onDateDelivered(String runId, BiConsumer<SuiteFunction, LocalDate> listener) {
    bus.onDelivered(
        (subscription, message) -> {
          if (!runId.equals(message.attributes().get(Attributes.RUN_ID))) {
            return;
          }
          for (SuiteFunction function : SuiteFunction.values()) {
            if (function.owns(subscription)) {
              Attributes.dates(message.attributes())
                  .forEach(date -> listener.accept(function, date));
              return;
            }
          }
        });
  }

  /** Runs {@code hook} when this runtime closes (the CLI's console sums up there). */
  public void onClose(Runnable hook) {
    closeHooks.add(hook);
  }

  @Override
  public void close() {
    // Every step runs whatever the ones before did: a failing hook must not leave the warehouse
    // locked or a publisher running. The first failure is thrown, the others suppressed in it.
    List<Runnable> steps = new ArrayList<>(closeHooks);
    steps.add(runtime.warehouse()::close);
    steps.add(() -> closeBus(runtime.bus()));
    if (runtime.bus() != bus) {
      steps.add(bus::close);
    }
    RuntimeException failure = null;
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeBus(EventBus bus) {
    if (bus instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the bus: " + e.getMessage(), e);
      }
    }
  }
}
