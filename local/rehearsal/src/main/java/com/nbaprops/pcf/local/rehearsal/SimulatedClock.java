package com.nbaprops.pcf.local.rehearsal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the rehearsal moves by hand: every function, the bus and the failure rows read the
 * simulated time, so a season of days runs in seconds and gives the same times on every run.
 */
final class SimulatedClock extends Clock {
  private volatile Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code instant}; time never runs backwards. */
  void advanceTo(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException(
          "the clock is at " + now + ", cannot go back to " + instant);
    }
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
