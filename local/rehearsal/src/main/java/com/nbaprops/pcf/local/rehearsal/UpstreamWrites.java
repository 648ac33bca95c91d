package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every partition the season's upstreams wrote, and when: the landings that changed what a date is
 * made of (a partition written again with the same rows, or only a newer {@code processed_at}, is
 * none), from which a date's readiness and data latency are measured.
 */
final class UpstreamWrites {
  /**
   * How long after a write its audit-log entry reaches the function through Eventarc: Google gives
   * no bound; the rehearsal draws 2 to 10 minutes per write (docs/operations.md).
   */
  static Duration eventarcDelay(Feed feed, LocalDate date) {
    // From the feed's name and the date: an enum's hashCode differs from one JVM to the next, and
    // the same seed must give the same output.
    return Duration.ofMinutes(2 + Math.floorMod(31 * feed.name().hashCode() + date.hashCode(), 9));
  }

  private final Map<String, Set<Map<String, Object>>> current = new HashMap<>();
  private final Map<LocalDate, List<Instant>> changes = new HashMap<>();

  /** {@code feed}'s partition of {@code date} was written with {@code rows} at {@code at}. */
  synchronized void landed(Feed feed, LocalDate date, List<Row> rows, Instant at) {
    Set<Map<String, Object>> values = new HashSet<>();
    for (Row row : rows) {
      Map<String, Object> value = new HashMap<>(row.values());
      value.remove("processed_at");
      values.add(value);
    }
    Set<Map<String, Object>> before = current.put(feed + " " + date, values);
    if (!values.equals(before) && !values.isEmpty()) {
      changes.computeIfAbsent(date, d -> new ArrayList<>()).add(at);
    }
  }

  /** The last landing of {@code date}'s inputs that changed them, at or before {@code until}. */
  synchronized Instant lastChange(LocalDate date, Instant until) {
    Instant last = null;
    for (Instant at : changes.getOrDefault(date, List.of())) {
      if (!at.isAfter(until) && (last == null || at.isAfter(last))) {
        last = at;
      }
    }
    return last;
  }

  /** Every date with a landing, each with its changing landings in order. */
  synchronized Map<LocalDate, List<Instant>> changes() {
    Map<LocalDate, List<Instant>> copy = new HashMap<>();
    changes.forEach((date, list) -> copy.put(date, List.copyOf(list)));
    return copy;
  }
}
