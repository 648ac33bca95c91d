package com.nbaprops.pcf.domain;

import static java.util.Objects.requireNonNull;

/** Which player source a date uses, with the counts behind the choice. */
public record SourceDecision(
    DataSource source, int upcgPlayers, int expectedPlayers, String reason) {
  public SourceDecision {
    requireNonNull(source, "source");
    requireNonNull(reason, "reason");
  }

  /** Upcoming-context players as a percentage of expected players; 0 when nothing is expected. */
  public double coveragePct() {
    return Coverage.percent(upcgPlayers, expectedPlayers);
  }
}
