package com.nbaprops.pcf.local.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One injected incident and what the rehearsal measured of it. Measured fields are set once, in
 * simulated time, by the rehearsal that injected it.
 */
final class Incident {
  private final IncidentKind kind;
  private final LocalDate date;
  private final Instant injectedAt;
  private final String detail;
  private final Instant dueAt;
  private final Instant readyFloor;
  private Instant readyAt;
  private Signal detection;
  private Instant healedAt;
  private String healedBy;
  private Instant upstreamRerunAt;

  /**
   * @param date the game date it damages (for a malformed message: the day it is published, which
   *     its failure row is dated by)
   */
  Incident(IncidentKind kind, LocalDate date, Instant injectedAt, String detail) {
    this(kind, date, injectedAt, detail, null, null);
  }

  /**
   * @param dueAt when what it damages was due, or null
   * @param readyFloor before when its date cannot be ready again whatever lands (an outage's end),
   *     or null
   */
  Incident(
      IncidentKind kind,
      LocalDate date,
      Instant injectedAt,
      String detail,
      Instant dueAt,
      Instant readyFloor) {
    this.kind = kind;
    this.date = date;
    this.injectedAt = injectedAt;
    this.detail = detail;
    this.dueAt = dueAt;
    this.readyFloor = readyFloor;
  }

  /** Before when its date cannot be ready again (an outage's end), or null. */
  Instant readyFloor() {
    return readyFloor;
  }

  /** When what it damaged was due, or null when nothing was. */
  Instant dueAt() {
    return dueAt;
  }

  /**
   * When every input of its date was present and correct again: the later of the upstream's fix,
   * the end of an outage and the date's last landing; set with the heal.
   */
  Instant readyAt() {
    return readyAt;
  }

  /** Due to detection, for an incident with a due time; else null. */
  Duration detectionAfterDue() {
    return dueAt == null || detection == null ? null : Duration.between(dueAt, detection.at());
  }

  /** Ready to healed (never negative: healed before ready is healed at once). */
  Duration healAfterReady() {
    if (readyAt == null || healedAt == null || !kind.scenario().damages()) {
      return null;
    }
    Duration after = Duration.between(readyAt, healedAt);
    return after.isNegative() ? Duration.ZERO : after;
  }

  IncidentKind kind() {
    return kind;
  }

  LocalDate date() {
    return date;
  }

  Instant injectedAt() {
    return injectedAt;
  }

  String detail() {
    return detail;
  }

  Signal detection() {
    return detection;
  }

  Instant healedAt() {
    return healedAt;
  }

  String healedBy() {
    return healedBy;
  }

  Instant upstreamRerunAt() {
    return upstreamRerunAt;
  }

  boolean detected() {
    return detection != null;
  }

  boolean healed() {
    return healedAt != null;
  }

  /** Injected, and (if it damages) not yet healed: what it explains is still happening. */
  boolean activeAt(Instant at) {
    return !at.isBefore(injectedAt) && (healedAt == null || !at.isAfter(healedAt));
  }

  void detectedBy(Signal signal) {
    if (detection == null) {
      detection = signal;
    }
  }

  void healed(Instant at, String by) {
    healed(at, by, null);
  }

  /** Healed at {@code at}, its date ready again since {@code lastLanding} (or null). */
  void healed(Instant at, String by, Instant lastLanding) {
    if (healedAt == null) {
      healedAt = at;
      healedBy = by;
      Instant ready = injectedAt;
      for (Instant candidate : new Instant[] {lastLanding, upstreamRerunAt, readyFloor}) {
        if (candidate != null && candidate.isAfter(ready)) {
          ready = candidate;
        }
      }
      readyAt = ready;
    }
  }

  void upstreamReran(Instant at) {
    upstreamRerunAt = at;
  }

  /** Injection to detection, or null. */
  Duration timeToDetect() {
    return detection == null ? null : Duration.between(injectedAt, detection.at());
  }

  /** Injection to heal, or null. */
  Duration timeToHeal() {
    return healedAt == null ? null : Duration.between(injectedAt, healedAt);
  }
}
