package com.nbaprops.pcf.local.rehearsal;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.local.LocalDirectoryBlobStore;
import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.adapter.local.PubSubCloudEvents;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.local.SuiteFunction;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One season of operations on a simulated clock: the world releases its partitions at their hours,
 * the three scheduled jobs publish their messages through the bus to the four functions, incidents
 * are injected where planned, and after every step the suite's signals and each incident's state
 * are read from the warehouse.
 */
final class SeasonRun implements AutoCloseable {
  /** Who wrote a row and when: differs between any two runs. */
  private static final Set<String> RUN_COLUMNS = Set.of("run_id", "processed_at");

  /** The component label of the bus's own log entries. */
  private static final String BUS = "local-bus";

  private static final Pattern DELIVERY_FAILED =
      Pattern.compile(" to (\\S+) failed, will retry: (.*)", Pattern.DOTALL);

  private static final Pattern DATE_IN_MESSAGE =
      Pattern.compile("\"analysis_date\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");

  /** A step of the timeline; {@code key} names it for an incident that takes it off. */
  private record Event(Instant at, long order, String name, String key, Runnable action) {}

  private final World world;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final SimulatedClock clock;
  private final DuckDbWarehouse warehouse;
  private final FaultyWarehouse faulty;
  private final PipelineRuntime runtime;
  private final Catalog catalog;
  private final List<Signal> signals = new CopyOnWriteArrayList<>();
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparing(Event::at).thenComparing(Event::order));
  private final List<IncidentPlan.Planned> planned;
  private final List<Incident> incidents;
  private final Supplier<Map<LocalDate, List<Row>>> truth;
  private final Duration onCallDelay;
  private final String factorsColumns;
  private long order;

  /**
   * @param truth the clean run's rows per date (heals are measured against them; it may still be
   *     running, and is waited for at the first heal), or null for the clean run itself
   */
  SeasonRun(
      World world,
      LocalDate firstDay,
      LocalDate lastDay,
      Map<String, String> env,
      Path scratch,
      List<IncidentPlan.Planned> planned,
      Supplier<Map<LocalDate, List<Row>>> truth,
      Duration onCallDelay) {
    this.world = world;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.planned = planned;
    this.incidents = planned.stream().map(IncidentPlan.Planned::incident).toList();
    this.truth = truth;
    this.onCallDelay = onCallDelay;
    this.clock =
        new SimulatedClock(firstDay.minusDays(1).atStartOfDay(ScheduledJob.TIME_ZONE).toInstant());
    PipelineConfig config = PipelineConfig.fromEnvironment(env, scratch.toString());
    this.catalog = config.catalog();
    this.warehouse = DuckDbWarehouse.inMemory(catalog);
    warehouse.createTables(Tables.ALL);
    this.faulty = new FaultyWarehouse(warehouse, clock);
    LogSink sink = this::observeLog;
    LocalEventBus bus =
        new LocalEventBus(
            config.projectId(), LocalEventBus.MAX_DELIVERY_ATTEMPTS, clock, StructuredLog.to(sink));
    bus.onDeadLetter(
        letter ->
            signals.add(
                new Signal(
                    clock.instant(),
                    Signal.Source.DEAD_LETTER,
                    dateIn(letter.message().data()),
                    letter.subscription())));
    PipelineRuntime runtime =
        new PipelineRuntime(
            config, faulty, bus, new LocalDirectoryBlobStore(scratch.resolve("gcs")), clock, sink);
    this.runtime = runtime;
    if (truth == null) {
      // The clean run needs the rows only: composite-factors alone writes them.
      Topic requests = Topic.COMPOSITE_FACTORS_REQUESTS;
      bus.subscribe(
          config.topic(requests),
          SuiteFunction.COMPOSITE_FACTORS.functionName() + "-" + requests.baseName(),
          SuiteFunction.COMPOSITE_FACTORS.create(runtime));
    } else {
      LocalRuntime.of(runtime, bus, scratch);
    }
    this.factorsColumns =
        Tables.PLAYER_COMPOSITE_FACTORS.columns().stream()
            .map(Column::name)
            .filter(name -> !RUN_COLUMNS.contains(name))
            .collect(Collectors.joining(", "));
  }

  /** Runs the season to the end of {@code lastDay}. */
  void run() {
    warehouse.replaceAll(Tables.NBA_SCHEDULE, world.schedule());
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
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
        at(
            job.firesOn(day.plusDays(1)),
            job.terraformKey(),
            jobKey(job, day.plusDays(1)),
            () -> fire(job));
      }
    }
    planned.forEach(plan -> plan.inject().accept(this));
    while (!events.isEmpty()) {
      Event event = events.poll();
      clock.advanceTo(event.at());
      event.action().run();
      observe(event);
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

  /** The upstream writes {@code rows} as {@code feed}'s partition of {@code gameDate}. */
  void write(Feed feed, LocalDate gameDate, List<Row> rows) {
    warehouse.replacePartition(feed.table(), gameDate, rows);
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
                          "composite-factors-" + Topic.COMPOSITE_FACTORS_REQUESTS.baseName(),
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

  // ---- what the suite raised, and what became of each incident

  private void observeLog(Severity severity, String message, Map<String, String> labels) {
    LocalDate date =
        labels.containsKey("analysis_date") ? parse(labels.get("analysis_date")) : null;
    if (labels.containsKey("alert")) {
      signals.add(
          new Signal(clock.instant(), Signal.Source.ALERT, date, "alert=" + labels.get("alert")));
    } else if (BUS.equals(labels.get("component")) && message.contains("failed, will retry")) {
      // Named by the subscription and the fault: message ids differ from one run to the next.
      Matcher failed = DELIVERY_FAILED.matcher(message);
      signals.add(
          new Signal(
              clock.instant(),
              Signal.Source.DELIVERY_FAILED,
              date,
              failed.find() ? first(failed.group(1) + ": " + failed.group(2)) : first(message)));
    } else if (severity == Severity.ERROR) {
      signals.add(new Signal(clock.instant(), Signal.Source.ERROR_LOG, date, first(message)));
    }
  }

  /**
   * The first line, clipped, with message and run ids blanked: they differ from one run to the
   * next, and the same seed must give the same output.
   */
  private static String first(String message) {
    String line = message.lines().findFirst().orElse("").replaceAll("\\d{8,}", "#");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }

  private static LocalDate parse(String text) {
    try {
      return LocalDate.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static LocalDate dateIn(String data) {
    Matcher matcher = DATE_IN_MESSAGE.matcher(data);
    return matcher.find() ? LocalDate.parse(matcher.group(1)) : null;
  }

  /** After a step: the rows and statuses it wrote become signals, then each incident is judged. */
  private void observe(Event event) {
    Instant now = clock.instant();
    Set<LocalDate> healRequested = new HashSet<>();
    for (Row failure :
        warehouse.query(
            Sql.of(
                    "SELECT analysis_date, failure_category, entity_id, failure_reason FROM "
                        + catalog.qualifiedName(Tables.PRECOMPUTE_FAILURES)
                        + " WHERE created_at >= @since")
                .timestamp("since", now))) {
      LocalDate date = failure.date("analysis_date");
      String category = failure.string("failure_category");
      if (category.equals(FailureCategory.AUTO_HEAL_REQUESTED.name())) {
        healRequested.add(date);
        continue;
      }
      signals.add(
          new Signal(
              now, Signal.Source.FAILURE_ROW, date, category + " " + failure.string("entity_id")));
      callOnCall(date, failure.string("entity_id") + " " + failure.string("failure_reason"));
    }
    for (Row tracked :
        warehouse.query(
            Sql.of(
                    "SELECT analysis_date, status FROM "
                        + catalog.qualifiedName(Tables.BACKFILL_PROCESSING_METADATA)
                        + " WHERE tracked_at >= @since AND status IN ('LOW', 'INCOMPLETE')")
                .timestamp("since", now))) {
      signals.add(
          new Signal(
              now, Signal.Source.STATUS, tracked.date("analysis_date"), tracked.string("status")));
    }
    for (Incident incident : incidents) {
      if (incident.injectedAt().isAfter(now)) {
        continue;
      }
      if (!incident.detected() && incident.kind().damages()) {
        signals.stream()
            .filter(signal -> !signal.at().isBefore(incident.injectedAt()))
            .filter(signal -> explains(incident, signal))
            .findFirst()
            .ifPresent(incident::detectedBy);
      }
      if (!incident.healed() && (incident.detected() || !incident.kind().damages())) {
        judgeHeal(incident, event, healRequested.contains(incident.date()));
      }
    }
  }

  /**
   * Whether {@code incident} explains {@code signal}: the same date, or a dateless fault of its
   * time.
   */
  static boolean explains(Incident incident, Signal signal) {
    if (!incident.activeAt(signal.at())) {
      return false;
    }
    return signal.date() == null
        ? incident.kind().hitsTheChain()
        : signal.date().equals(incident.date());
  }

  /**
   * The on-call team reads a failure naming an upstream table for a date with an incident there,
   * and re-runs that processor {@link #onCallDelay} later.
   */
  private void callOnCall(LocalDate date, String failureText) {
    for (Incident incident : incidents) {
      Feed upstream = incident.kind().upstream();
      if (upstream != null
          && incident.date().equals(date)
          && incident.upstreamRerunAt() == null
          && failureText.contains(upstream.table().name())) {
        ZonedDateTime rerun = clock.instant().plus(onCallDelay).atZone(ScheduledJob.TIME_ZONE);
        incident.upstreamReran(rerun.toInstant());
        at(rerun, "upstream re-run", () -> release(upstream, incident.date()));
        return;
      }
    }
  }

  private void judgeHeal(Incident incident, Event event, boolean healRequestedNow) {
    IncidentKind kind = incident.kind();
    if (kind == IncidentKind.MALFORMED_MESSAGE) {
      incident.healed(incident.detection().at(), "nothing to heal: rejected, nothing written");
      return;
    }
    if (!"COMPLETE".equals(status(incident.date())) || !rowsEqualTruth(incident.date())) {
      return;
    }
    String by;
    if (!kind.damages()) {
      by = "absorbed: the write is idempotent";
    } else if (event.at().equals(incident.injectedAt()) && !event.name().equals("release")) {
      // healed in the step that injected it: a delivery failed and the redelivery succeeded
      by = "the chain's own retry";
    } else if (healRequestedNow) {
      by = incident.upstreamRerunAt() == null ? "auto-heal" : "upstream re-run, then auto-heal";
    } else if (event.name().equals(ScheduledJob.SWEEP.terraformKey())) {
      by =
          incident.upstreamRerunAt() == null
              ? "the sweep's re-check"
              : "upstream re-run, then the sweep's re-check";
    } else {
      by = event.name();
    }
    incident.healed(clock.instant(), by);
  }

  String status(LocalDate date) {
    List<Row> rows =
        warehouse.query(
            Sql.of(
                    "SELECT status FROM "
                        + catalog.qualifiedName(Tables.BACKFILL_PROCESSING_METADATA)
                        + " WHERE analysis_date = @d")
                .date("d", date));
    return rows.isEmpty() ? "NOT_PROCESSED" : rows.get(0).string("status");
  }

  private boolean rowsEqualTruth(LocalDate date) {
    return truth == null || factorRows(date).equals(truth.get().getOrDefault(date, List.of()));
  }

  /** The date's composite factors, without who wrote them and when, in a stable order. */
  List<Row> factorRows(LocalDate date) {
    return warehouse.query(
        Sql.of(
                "SELECT "
                    + factorsColumns
                    + " FROM "
                    + catalog.qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS)
                    + " WHERE game_date = @d ORDER BY player_lookup, game_id")
            .date("d", date));
  }

  /** Every date's composite factors at the end, as {@link #factorRows} reads them. */
  Map<LocalDate, List<Row>> allFactorRows() {
    Map<LocalDate, List<Row>> rows = new TreeMap<>();
    for (LocalDate date : world.gameDates()) {
      if (!date.isAfter(lastDay)) {
        rows.put(date, factorRows(date));
      }
    }
    return rows;
  }

  List<Signal> signals() {
    return List.copyOf(signals);
  }

  List<Incident> incidents() {
    return incidents;
  }

  @Override
  public void close() {
    warehouse.close();
  }
}
