package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the suite raised during a rehearsal, as a person on call would see it, and what became of
 * each incident: when it was first detected, and when and by what its date was healed.
 */
final class Watch {
  /** How the on-call team acts on a failure that names an upstream table. */
  @FunctionalInterface
  interface OnCall {
    void rerun(ZonedDateTime when, Feed feed, LocalDate date);
  }

  /** The component label of the bus's own log entries. */
  private static final String BUS = "local-bus";

  private static final Pattern DELIVERY_FAILED =
      Pattern.compile(" to (\\S+) failed, will retry: (.*)", Pattern.DOTALL);

  private static final Pattern DATE_IN_MESSAGE =
      Pattern.compile("\"analysis_date\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");

  private final Clock clock;
  private final Warehouse warehouse;
  private final Catalog catalog;
  private final SeasonReads reads;
  private final List<Incident> incidents;
  private final RunMode mode;
  private final OnCall onCall;
  private final UpstreamWrites writes;

  /** When each date was tracked COMPLETE, every time it was. */
  private final Map<LocalDate, List<Instant>> completions = new ConcurrentHashMap<>();

  private final List<Signal> signals = new CopyOnWriteArrayList<>();

  /**
   * Watches a run.
   *
   * @param mode which run this is: it says whether a date's rows are right, and how soon the
   *     on-call team re-runs an upstream
   */
  Watch(
      Clock clock,
      Warehouse warehouse,
      Catalog catalog,
      List<Incident> incidents,
      RunMode mode,
      OnCall onCall,
      UpstreamWrites writes) {
    this.clock = clock;
    this.warehouse = warehouse;
    this.catalog = catalog;
    this.reads = new SeasonReads(warehouse, catalog);
    this.incidents = List.copyOf(incidents);
    this.mode = mode;
    this.onCall = onCall;
    this.writes = writes;
  }

  /** A message the bus gave up on. */
  void deadLettered(LocalEventBus.DeadLetter letter) {
    signals.add(
        new Signal(
            clock.instant(),
            Signal.Source.DEAD_LETTER,
            dateIn(letter.message().data()),
            letter.subscription()));
  }

  /** A log entry of the functions or the bus: an alert, a failed delivery, an ERROR entry. */
  void logged(Severity severity, String message, Map<String, String> labels) {
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

  /**
   * After a step: the rows and statuses it wrote become signals, then each incident is judged.
   *
   * @param step the step's name, which says what healed an incident in it
   */
  void afterStep(String step, Instant stepAt) {
    Instant now = clock.instant();
    Set<LocalDate> healRequested = new HashSet<>();
    Set<LocalDate> landingRequested = new HashSet<>();
    for (Row failure :
        warehouse.query(
            catalog
                .sql(
                    "SELECT analysis_date, failure_category, entity_id, failure_reason FROM {precompute_failures} WHERE created_at >= @since")
                .timestamp("since", now))) {
      LocalDate date = failure.date("analysis_date");
      String category = failure.string("failure_category");
      if (category.equals(FailureCategory.AUTO_HEAL_REQUESTED.name())) {
        healRequested.add(date);
        continue;
      }
      if (category.equals(FailureCategory.RECOMPUTE_REQUESTED.name())) {
        landingRequested.add(date);
        continue;
      }
      signals.add(
          new Signal(
              now, Signal.Source.FAILURE_ROW, date, category + " " + failure.string("entity_id")));
      callOnCall(date, failure.string("entity_id") + " " + failure.string("failure_reason"));
    }
    for (Row tracked :
        warehouse.query(
            catalog
                .sql(
                    "SELECT analysis_date, status FROM {backfill_processing_metadata} WHERE tracked_at >= @since AND status IN ('LOW', 'INCOMPLETE', 'STALE', 'COMPLETE')")
                .timestamp("since", now))) {
      if (tracked.string("status").equals("COMPLETE")) {
        completed(tracked.date("analysis_date"), now);
        continue;
      }
      signals.add(
          new Signal(
              now, Signal.Source.STATUS, tracked.date("analysis_date"), tracked.string("status")));
    }
    for (Incident incident : incidents) {
      if (incident.injectedAt().isAfter(now)) {
        continue;
      }
      if (!incident.detected() && incident.kind().scenario().damages()) {
        signals.stream()
            .filter(signal -> !signal.at().isBefore(incident.injectedAt()))
            .filter(signal -> explains(incident, signal))
            .findFirst()
            .ifPresent(incident::detectedBy);
      }
      if (!incident.healed() && (incident.detected() || !incident.kind().scenario().damages())) {
        judgeHeal(
            incident,
            step,
            stepAt,
            healRequested.contains(incident.date()),
            landingRequested.contains(incident.date()));
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
        ? incident.kind().scenario().hitsTheChain()
        : signal.date().equals(incident.date());
  }

  /**
   * The on-call team reads a failure naming an upstream table for a date with an incident there,
   * and re-runs that processor {@code onCallDelay} later.
   */
  private void callOnCall(LocalDate date, String failureText) {
    for (Incident incident : incidents) {
      Feed upstream = incident.kind().scenario().upstream();
      if (upstream != null
          && incident.date().equals(date)
          && incident.upstreamRerunAt() == null
          && failureText.contains(upstream.table().name())) {
        ZonedDateTime rerun =
            clock.instant().plus(mode.onCallDelay()).atZone(ScheduledJob.TIME_ZONE);
        incident.upstreamReran(rerun.toInstant());
        onCall.rerun(rerun, upstream, incident.date());
        return;
      }
    }
  }

  private void judgeHeal(
      Incident incident,
      String step,
      Instant stepAt,
      boolean healRequestedNow,
      boolean landingRequestedNow) {
    Scenario scenario = incident.kind().scenario();
    if (incident.readyFloor() != null && clock.instant().isBefore(incident.readyFloor())) {
      // The fault is still going on (the warehouse still down): whatever it explains is its.
      return;
    }
    Optional<String> healedOnDetection = scenario.healedOnDetection();
    if (healedOnDetection.isPresent()) {
      incident.healed(
          incident.detection().at(),
          healedOnDetection.get(),
          writes.lastChange(incident.date(), incident.detection().at()));
      return;
    }
    if (!"COMPLETE".equals(reads.status(incident.date()))
        || !mode.rowsAreRight(incident.date(), reads)) {
      return;
    }
    String by;
    if (!scenario.damages()) {
      by = "absorbed: " + scenario.absorbedBy();
    } else if (stepAt.equals(incident.injectedAt()) && !step.equals("release")) {
      // healed in the step that injected it: a delivery failed and the redelivery succeeded
      by = "the chain's own retry";
    } else if (landingRequestedNow) {
      by =
          incident.upstreamRerunAt() == null
              ? "recomputed when its inputs landed"
              : "upstream re-run, recomputed when it landed";
    } else if (healRequestedNow) {
      by = incident.upstreamRerunAt() == null ? "auto-heal" : "upstream re-run, then auto-heal";
    } else if (step.equals(ScheduledJob.SWEEP.terraformKey())) {
      by =
          incident.upstreamRerunAt() == null
              ? "the sweep's re-check"
              : "upstream re-run, then the sweep's re-check";
    } else {
      by = step;
    }
    incident.healed(clock.instant(), by, writes.lastChange(incident.date(), clock.instant()));
  }

  private void completed(LocalDate date, Instant at) {
    completions.computeIfAbsent(date, d -> new CopyOnWriteArrayList<>()).add(at);
  }

  /**
   * Per game date that ended with writes, its data latency: from the last landing that changed its
   * inputs to the first time it was tracked COMPLETE after it; null when it never was.
   */
  Map<LocalDate, Duration> dataLatencies() {
    Map<LocalDate, Duration> latencies = new TreeMap<>();
    writes
        .changes()
        .forEach(
            (date, changes) -> {
              Instant last = changes.get(changes.size() - 1);
              completions.getOrDefault(date, List.of()).stream()
                  .filter(at -> !at.isBefore(last))
                  .min(Instant::compareTo)
                  .ifPresent(at -> latencies.put(date, Duration.between(last, at)));
            });
    return latencies;
  }

  /** The signals no incident explains. */
  List<Signal> falseAlarms() {
    return signals.stream()
        .filter(signal -> incidents.stream().noneMatch(incident -> explains(incident, signal)))
        .toList();
  }
}
