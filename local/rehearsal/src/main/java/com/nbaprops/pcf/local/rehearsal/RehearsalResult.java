package com.nbaprops.pcf.local.rehearsal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a rehearsal found: each incident with its times, the signals no incident explains, every
 * game date's final status, and the dates whose rows differ from the clean run's.
 */
record RehearsalResult(
    long seed,
    boolean autoHeal,
    LocalDate firstDay,
    LocalDate lastDay,
    List<Incident> incidents,
    List<Signal> falseAlarms,
    Map<LocalDate, String> statuses,
    List<LocalDate> differingDates,
    Map<LocalDate, Duration> dataLatencies) {

  /**
   * The bounds a rehearsal must keep (issue: detect at the due time, heal at the upstream's pace).
   */
  static final Duration DETECT_AFTER_DUE = Duration.ofMinutes(90);

  static final Duration DETECT_AFTER_LANDING = Duration.ofHours(1);
  static final Duration HEAL_AFTER_READY = Duration.ofHours(1);
  static final Duration LATENCY_MEDIAN = Duration.ofMinutes(30);
  static final Duration LATENCY_WORST = Duration.ofHours(1);

  /** The data latencies of the season's game dates, as a spread. */
  RehearsalOutput.Spread latency() {
    return RehearsalOutput.Spread.of(List.copyOf(dataLatencies.values()));
  }

  /** Statuses a game date may end with: computed and complete, or skipped on purpose. */
  private static final List<String> DONE = List.of("COMPLETE", "SKIPPED");

  List<LocalDate> notComplete() {
    return statuses.entrySet().stream()
        .filter(entry -> !DONE.contains(entry.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  long datesComplete() {
    return statuses.values().stream().filter("COMPLETE"::equals).count();
  }

  long datesSkipped() {
    return statuses.values().stream().filter("SKIPPED"::equals).count();
  }

  boolean identicalToCleanRun() {
    return differingDates.isEmpty();
  }

  /** Incidents that damaged a date and were never detected. */
  List<Incident> undetected() {
    return incidents.stream().filter(i -> i.kind().scenario().damages() && !i.detected()).toList();
  }

  /**
   * Incidents detected too late: more than 1.5 h after what they damaged was due, or (nothing due)
   * more than an hour after they landed.
   */
  List<Incident> detectedLate() {
    return incidents.stream()
        .filter(Incident::detected)
        .filter(
            i ->
                i.dueAt() != null
                    ? i.detectionAfterDue().compareTo(DETECT_AFTER_DUE) > 0
                    : i.timeToDetect().compareTo(DETECT_AFTER_LANDING) > 0)
        .toList();
  }

  /** Incidents healed more than an hour after their date was ready again. */
  List<Incident> healedLate() {
    return incidents.stream()
        .filter(i -> i.healAfterReady() != null)
        .filter(i -> i.healAfterReady().compareTo(HEAL_AFTER_READY) > 0)
        .toList();
  }

  List<Incident> unhealed() {
    return incidents.stream().filter(i -> !i.healed()).toList();
  }

  /** Why the rehearsal failed, or an empty list when it passed. */
  List<String> failures() {
    List<String> reasons = new java.util.ArrayList<>();
    undetected()
        .forEach(i -> reasons.add(i.kind().id() + " on " + i.date() + " was never detected"));
    detectedLate()
        .forEach(
            i ->
                reasons.add(
                    i.kind().id()
                        + " on "
                        + i.date()
                        + " was detected late ("
                        + (i.dueAt() != null
                            ? i.detectionAfterDue().toMinutes() + " min after it was due)"
                            : i.timeToDetect().toMinutes() + " min after it landed)")));
    healedLate()
        .forEach(
            i ->
                reasons.add(
                    i.kind().id()
                        + " on "
                        + i.date()
                        + " was healed "
                        + i.healAfterReady().toMinutes()
                        + " min after its inputs were ready"));
    RehearsalOutput.Spread latency = latency();
    if (latency != null
        && (latency.median() * 60 >= LATENCY_MEDIAN.toMinutes()
            || latency.worst() * 60 > LATENCY_WORST.toMinutes())) {
      reasons.add("data latency " + latency.text() + " (median under 0.5 h, worst 1 h at most)");
    }
    unhealed().forEach(i -> reasons.add(i.kind().id() + " on " + i.date() + " was never healed"));
    if (!falseAlarms.isEmpty()) {
      reasons.add(falseAlarms.size() + " false alarm(s)");
    }
    if (!notComplete().isEmpty()) {
      reasons.add("not COMPLETE at the end: " + notComplete());
    }
    if (!differingDates.isEmpty()) {
      reasons.add("rows differ from the clean run on " + differingDates);
    }
    return reasons;
  }
}
