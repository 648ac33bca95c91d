package com.nbaprops.pcf.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The clock in the league's time zone: "yesterday" for a game night means the night in New York.
 */
public final class LeagueClock {
  /** UTC, as log entries are: sortable across a daylight saving change, and one clock to read. */
  private static final DateTimeFormatter RUN_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final ZoneId zone;

  public LeagueClock(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  public Instant now() {
    return clock.instant();
  }

  /** Midnight of today in the league's time zone. */
  public Instant startOfToday() {
    return today().atStartOfDay(zone).toInstant();
  }

  /**
   * A new run id, for a run a person or a scheduled job starts: {@code run-<UTC time>-<random>},
   * sortable by start time, unique by its random tail. (A message that names no run is the run
   * {@code run-<message id>}, so its redeliveries are one run.)
   */
  public String newRunId() {
    return "run-" + RUN_STAMP.format(now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
