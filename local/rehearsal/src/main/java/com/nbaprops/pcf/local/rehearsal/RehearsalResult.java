package com.nbaprops.pcf.local.rehearsal;

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
    List<LocalDate> differingDates) {

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
   * Incidents detected only after the first sweep that followed them: the sweep re-reads the last
   * seven days, so nothing may wait for a later one.
   */
  List<Incident> detectedLate() {
    return incidents.stream()
        .filter(Incident::detected)
        .filter(i -> i.detection().at().isAfter(firstSweepAfter(i.injectedAt())))
        .toList();
  }

  private static java.time.Instant firstSweepAfter(java.time.Instant at) {
    java.time.LocalDate day = at.atZone(ScheduledJob.TIME_ZONE).toLocalDate();
    java.time.Instant sweep = ScheduledJob.SWEEP.firesOn(day).toInstant();
    return sweep.isBefore(at) ? ScheduledJob.SWEEP.firesOn(day.plusDays(1)).toInstant() : sweep;
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
                    i.kind().id() + " on " + i.date() + " was detected only after the next sweep"));
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
