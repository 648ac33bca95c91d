package com.nbaprops.pcf.local.rehearsal;

/**
 * What can go wrong in a season of operations. Each kind says which upstream table an on-call team
 * re-runs once the suite's alert names it, and whether it damages a date (a duplicate delivery must
 * be absorbed, not detected: there is nothing wrong to see).
 */
public enum IncidentKind {
  PARTIAL_CONTEXT(
      "the upcoming-context writer crashed: 1 of the date's players in upcoming_player_game_context",
      Feed.PLAYER_CONTEXT),
  LATE_BOX_SCORES("the night's box scores land after the 05:30 run", null),
  LATE_GAME("one game's box scores land after the 05:30 run", null),
  MISSING_SHOT_ZONES("the shot-zone processor did not run for the date", Feed.SHOT_ZONES),
  MISSING_ZONE_DEFENSE("the zone-defense processor did not run for the date", Feed.ZONE_DEFENSE),
  MISSING_TEAM_BOX_SCORES("the team box scores of the night never landed", Feed.TEAM_BOX_SCORES),
  MISSING_USAGE("the box scores landed without usage rates", Feed.BOX_SCORES),
  WAREHOUSE_OUTAGE("the warehouse is unreachable for some hours across the 05:30 run", null),
  JOB_NEVER_FIRES("the 05:30 factors job never fires", null),
  DUPLICATE_DELIVERY("the 05:30 request is delivered twice", null),
  CONCURRENT_DUPLICATE("the 05:30 request is delivered twice at once, to two instances", null),
  MALFORMED_MESSAGE("a malformed request is published by hand", null),
  CRASH_MID_WRITE("composite-factors dies half-way through writing the date", null);

  private final String description;
  private final Feed upstream;

  IncidentKind(String description, Feed upstream) {
    this.description = description;
    this.upstream = upstream;
  }

  String description() {
    return description;
  }

  /** The feed whose processor must run again to heal the date, or null when the suite can alone. */
  Feed upstream() {
    return upstream;
  }

  /**
   * False for what the suite must absorb without a trace: nothing is damaged, nothing to detect.
   */
  boolean damages() {
    return this != DUPLICATE_DELIVERY && this != CONCURRENT_DUPLICATE;
  }

  /**
   * True for faults of the chain itself (the bus, the warehouse, a function), whose signals name no
   * date: a dead letter of a request for "yesterday", a function's error.
   */
  boolean hitsTheChain() {
    return upstream == null && this != LATE_BOX_SCORES && this != LATE_GAME;
  }

  /** The kind's name as the output writes it: {@code partial_context}. */
  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
