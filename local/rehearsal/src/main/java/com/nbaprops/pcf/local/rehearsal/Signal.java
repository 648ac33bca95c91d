package com.nbaprops.pcf.local.rehearsal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something the suite raised that a person on call would see: an alert in the logs, a failure row,
 * a date's status that is not COMPLETE, a dead letter, a delivery that failed (Error Reporting in
 * the cloud), an entry logged at ERROR.
 *
 * @param date the game date it names, or null (a dead letter of a request for "yesterday")
 */
record Signal(Instant at, Source source, LocalDate date, String text) {
  enum Source {
    ALERT("alert"),
    FAILURE_ROW("failure row"),
    STATUS("status"),
    DEAD_LETTER("dead letter"),
    DELIVERY_FAILED("delivery failed"),
    ERROR_LOG("error log");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** How the output names it: {@code failure row (INPUT_MISSING player_shot_zone_analysis)}. */
  String describe() {
    return source.label() + " (" + text + ")";
  }
}
