package com.nbaprops.pcf.local.rehearsal;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.adapter.embedded.AuditLogCloudEvents;
import com.nbaprops.pcf.adapter.embedded.LocalDirectoryBlobStore;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.adapter.embedded.PubSubCloudEvents;
import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import io.cloudevents.CloudEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * One season of operations on a simulated clock: the world releases its partitions at their hours,
 * the three scheduled jobs publish their messages through the bus to the four functions, incidents
 * are injected where planned, and after every step the suite's signals and each incident's state
 * are read from the warehouse.
 */
final class SeasonRun implements AutoCloseable {
  /** A step of the timeline; {@code key} names it for an incident that takes it off. */
  private record Event(Instant at, long order, String name, String key, Runnable action) {}

  private final World world;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final SimulatedClock clock;
  private final DuckDbWarehouse warehouse;
  private final FaultyWarehouse faulty;
  private final PipelineRuntime runtime;
  private final LocalEventBus bus;
  private final Catalog catalog;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparing(Event::at).thenComparing(Event::order));
  private final List<IncidentPlan.Planned> planned;
  private final List<Incident> incidents;
  private final Watch watch;
  private final SeasonReads reads;
  private final UpstreamWrites writes = new UpstreamWrites();
  private long order;

  SeasonRun(
      World world,
      LocalDate firstDay,
      LocalDate lastDay,
      Map<String, String> env,
      Path scratch,
      RunMode mode) {
    this.world = world;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.planned = mode.planned();
    this.incidents = planned.stream().map(IncidentPlan.Planned::incident).toList();
    this.clock =
        new SimulatedClock(firstDay.minusDays(1).atStartOfDay(ScheduledJob.TIME_ZONE).toInstant());
    PipelineConfig config = PipelineConfig.fromEnvironment(env, scratch.toString());
    this.catalog = config.catalog();
    this.warehouse = DuckDbWarehouse.inMemory(catalog);
    warehouse.createTables(Tables.ALL);
    this.faulty = new FaultyWarehouse(warehouse, clock);
    this.reads = new SeasonReads(warehouse, catalog);
    this.watch =
        new Watch(
            clock,
            warehouse,
            catalog,
            incidents,
            mode,
            (when, feed, date) -> at(when, "upstream re-run", () -> release(feed, date)),
            writes);
    LogSink sink = watch::logged;
    this.bus =
        new LocalEventBus(
            config.projectId(), LocalEventBus.MAX_DELIVERY_ATTEMPTS, clock, StructuredLog.to(sink));
    bus.onDeadLetter(watch::deadLettered);
    this.runtime = runtime(config, scratch, mode, sink);
  }

  /** The functions' runtime over the faulty warehouse, on the bus the watch hears. */
  private PipelineRuntime runtime(PipelineConfig config, Path scratch, RunMode mode, LogSink sink) {
    PipelineRuntime runtime =
        new PipelineRuntime(
            config, faulty, bus, new LocalDirectoryBlobStore(scratch.resolve("gcs")), clock, sink);
    mode.subscribe(runtime, bus, scratch);
    return runtime;
  }

  /** Runs the season to the end of {@code lastDay}. */
  void run() {
    warehouse.replaceAll(Tables.NBA_SCHEDULE, world.schedule());
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      planDay(day);
    }
    planned.forEach(plan -> plan.inject().accept(this));
    while (!events.isEmpty()) {
      Event event = events.poll();
      clock.advanceTo(event.at());
      event.action().run();
      if (!event.name().equals("release")) {
        // An upstream's regular release reaches no function: nothing to see, nothing healed.
        watch.afterStep(event.name(), event.at());
      }
    }
  }

  /** A normal day: each feed's partition of the day at its hour, each job the next morning. */
  private void planDay(LocalDate day) {
    for (Feed feed : Feed.values()) {
      LocalDate gameDate = day;
      if (!world.partition(feed, gameDate).isEmpty()) {
        at(
            feed.landsFor(gameDate),
            "release",
            releaseKey(feed, gameDate),
            () -> release(feed, gameDate));
      }
    }
    for (ScheduledJob job : ScheduledJob.values()) {
      LocalDate fires = job.looksAtTheDayBefore() ? day.plusDays(1) : day;
      at(job.firesOn(fires), job.terraformKey(), jobKey(job, fires), () -> fire(job));
    }
  }

  /**
   * The clean run: every input of the season in place, then each game date requested once in
   * backfill mode through the chain, as {@code ./pipeline backfill --all} would after the season.
   * Its rows are the truth a rehearsed date must end equal to; that they equal the daily runs' also
   * shows no run reads a day that had not happened yet.
   */
  void backfillClean(LocalDate lastGameDate) {
    warehouse.replaceAll(Tables.NBA_SCHEDULE, world.schedule());
    for (Feed feed : Feed.values()) {
      warehouse.replaceAll(feed.table(), world.all(feed));
    }
    clock.advanceTo(lastDay.atStartOfDay(ScheduledJob.TIME_ZONE).toInstant());
    for (LocalDate date : world.gameDates().headSet(lastGameDate, true)) {
      publish(
          Topic.COMPOSITE_FACTORS_REQUESTS,
          "{\"analysis_date\":\"" + date + "\",\"backfill_mode\":true}");
    }
  }

  // ---- what the world and the schedule do

  /** Adds a step at {@code when}. */
  void at(ZonedDateTime when, String name, Runnable action) {
    at(when, name, name, action);
  }

  private void at(ZonedDateTime when, String name, String key, Runnable action) {
    events.add(new Event(when.toInstant(), order++, name, key, action));
  }

  private static String releaseKey(Feed feed, LocalDate gameDate) {
    return "release " + feed + " " + gameDate;
  }

  private static String jobKey(ScheduledJob job, LocalDate day) {
    return job.terraformKey() + " " + day;
  }

  /** Takes the planned release of {@code feed} for {@code gameDate} off the timeline. */
  void cancelRelease(Feed feed, LocalDate gameDate) {
    cancel(releaseKey(feed, gameDate));
  }

  /** The upstream writes {@code rows} instead of the partition of {@code gameDate}, at its hour. */
  void releaseInstead(Feed feed, LocalDate gameDate, List<Row> rows) {
    cancelRelease(feed, gameDate);
    at(feed.landsFor(gameDate), "release", () -> write(feed, gameDate, rows));
  }

  /** Takes the scheduled job of {@code day} off the timeline: it never fires. */
  void cancelJob(ScheduledJob job, LocalDate day) {
    cancel(jobKey(job, day));
  }

  /** Puts {@code action} in place of the job of {@code day}, at its time. */
  void replaceJob(ScheduledJob job, LocalDate day, Runnable action) {
    cancelJob(job, day);
    at(job.firesOn(day), job.terraformKey(), jobKey(job, day), action);
  }

  private void cancel(String key) {
    if (!events.removeIf(event -> event.key().equals(key))) {
      throw new IllegalStateException("nothing planned as " + key);
    }
  }

  void release(Feed feed, LocalDate gameDate) {
    write(feed, gameDate, world.partition(feed, gameDate));
  }

  /**
   * The upstream writes {@code rows} as {@code feed}'s partition of {@code gameDate}; BigQuery logs
   * the job's audit entry, which the Eventarc trigger delivers {@link UpstreamWrites#eventarcDelay}
   * later.
   */
  void write(Feed feed, LocalDate gameDate, List<Row> rows) {
    warehouse.replacePartition(feed.table(), gameDate, rows);
    Instant written = clock.instant();
    writes.landed(feed, gameDate, rows, written);
    String jobId = "job_" + feed.name().toLowerCase(java.util.Locale.ROOT) + "_" + order;
    CloudEvent entry =
        AuditLogCloudEvents.tableDataChange(
            runtime.config().projectId(),
            catalog.datasetName(feed.table().dataset()),
            feed.table().name(),
            jobId,
            jobId,
            written,
            rows.size(),
            0);
    at(
        written.plus(UpstreamWrites.eventarcDelay(feed, gameDate)).atZone(ScheduledJob.TIME_ZONE),
        "the upstream's landing",
        () -> bus.deliver(SuiteFunction.TABLE_WRITTEN, entry));
  }

  FaultyWarehouse faultyWarehouse() {
    return faulty;
  }

  /** Publishes the job's message, as Cloud Scheduler does; the bus delivers it at once. */
  String fire(ScheduledJob job) {
    return publish(job.topic(), job.message());
  }

  String publish(Topic topic, String message) {
    return runtime.bus().publish(runtime.config().topic(topic), message, Map.of());
  }

  /**
   * Delivers {@code message} (already published as {@code messageId}) again to composite-factors,
   * {@code times} deliveries at once, each to an instance of its own, as Pub/Sub redelivers to
   * whichever instance is free.
   */
  void redeliver(String messageId, String message, int times) {
    String topic = runtime.config().topic(Topic.COMPOSITE_FACTORS_REQUESTS);
    List<CompletableFuture<Void>> deliveries = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      CloudEventsFunction instance = SuiteFunction.COMPOSITE_FACTORS.create(runtime);
      deliveries.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  instance.accept(
                      PubSubCloudEvents.messagePublished(
                          runtime.config().projectId(),
                          topic,
                          SuiteFunction.COMPOSITE_FACTORS.subscription(
                              Topic.COMPOSITE_FACTORS_REQUESTS),
                          messageId,
                          clock.instant(),
                          message,
                          Map.of()));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    deliveries.forEach(CompletableFuture::join);
  }

  /** Per game date, its last changing landing to COMPLETE. */
  Map<LocalDate, java.time.Duration> dataLatencies() {
    return watch.dataLatencies();
  }

  List<Signal> falseAlarms() {
    return watch.falseAlarms();
  }

  SeasonReads reads() {
    return reads;
  }

  List<Incident> incidents() {
    return incidents;
  }

  @Override
  public void close() {
    warehouse.close();
  }
}
