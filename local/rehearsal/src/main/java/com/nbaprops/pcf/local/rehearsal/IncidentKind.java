package com.nbaprops.pcf.local.rehearsal;

import java.util.Locale;

/**
 * What can go wrong in a season of operations, each kind played out by its {@link Scenario}: how it
 * is planned, what it damages, which upstream table an on-call team re-runs once the suite's alert
 * names it, and what heals it.
 */
public enum IncidentKind {
  PARTIAL_CONTEXT(new PartialContext()),
  LATE_BOX_SCORES(new LateBoxScores()),
  LATE_GAME(new LateGame()),
  MISSING_SHOT_ZONES(
      new MissingFeed(Feed.SHOT_ZONES, "the shot-zone processor did not run for the date")),
  MISSING_ZONE_DEFENSE(
      new MissingFeed(Feed.ZONE_DEFENSE, "the zone-defense processor did not run for the date")),
  MISSING_TEAM_BOX_SCORES(
      new MissingFeed(Feed.TEAM_BOX_SCORES, "the team box scores of the night never landed")),
  MISSING_USAGE(new MissingUsage()),
  WAREHOUSE_OUTAGE(new WarehouseOutage()),
  JOB_NEVER_FIRES(new JobNeverFires()),
  DUPLICATE_DELIVERY(DuplicateDelivery.oneAfterTheOther()),
  CONCURRENT_DUPLICATE(DuplicateDelivery.atOnce()),
  MALFORMED_MESSAGE(new MalformedMessage()),
  CRASH_MID_WRITE(new CrashMidWrite()),
  STAT_CORRECTION(new StatCorrection()),
  UPSTREAM_RERUN_IDENTICAL(new UpstreamRerunIdentical()),
  INPUT_DUPLICATED(new InputDuplicated());

  // Scenarios hold final fields of enums, strings and booleans only: immutable, though not
  // annotated.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Scenario scenario;

  IncidentKind(Scenario scenario) {
    this.scenario = scenario;
  }

  Scenario scenario() {
    return scenario;
  }

  /** The kind's name as the output writes it: {@code partial_context}. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
