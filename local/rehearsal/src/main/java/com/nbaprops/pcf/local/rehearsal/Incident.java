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
  private Signal detection;
  private Instant healedAt;
  private String healedBy;
  private Instant upstreamRerunAt;

  /**
   * @param date the game date it damages (for a malformed message: the day it is published, which
   *     its failure row is dated by)
   */
  Incident(IncidentKind kind, LocalDate date, Instant injectedAt, String detail) {
    this.kind = kind;
    this.date = date;
    this.injectedAt = injectedAt;
    this.detail = detail;
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
    if (healedAt == null) {
      healedAt = at;
      healedBy = by;
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
