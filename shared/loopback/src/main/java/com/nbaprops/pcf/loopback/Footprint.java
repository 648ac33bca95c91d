package com.nbaprops.pcf.loopback;

import java.time.LocalDate;

/**
 * The partitions a write changes, as the loopback can tell from the job: a span of daily partitions
 * (a partition decorator, or a statement's date parameters), every partition (a statement with no
 * date to go by: the safe guess), or none (an append of new rows).
 */
public record Footprint(LocalDate first, LocalDate last, boolean all) {
  public static final Footprint ALL = new Footprint(null, null, true);
  public static final Footprint NONE = new Footprint(null, null, false);

  public Footprint {
    if ((first == null) != (last == null)) {
      throw new IllegalArgumentException("a span needs both ends: " + first + ", " + last);
    }
    if (first != null && last.isBefore(first)) {
      throw new IllegalArgumentException("a span ends before it starts: " + first + ", " + last);
    }
  }

  public static Footprint span(LocalDate first, LocalDate last) {
    return new Footprint(first, last, false);
  }

  public static Footprint partition(LocalDate day) {
    return span(day, day);
  }

  boolean isEmpty() {
    return !all && first == null;
  }

  boolean overlaps(Footprint other) {
    if (isEmpty() || other.isEmpty()) {
      return false;
    }
    if (all || other.all) {
      return true;
    }
    return !first.isAfter(other.last) && !other.first.isAfter(last);
  }

  /** How many partitions the daily partition-modification quota counts for it. */
  long partitionCount() {
    return first == null ? 1 : last.toEpochDay() - first.toEpochDay() + 1;
  }
}
