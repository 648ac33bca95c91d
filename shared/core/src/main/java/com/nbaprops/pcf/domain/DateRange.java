package com.nbaprops.pcf.domain;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** An inclusive range of calendar dates; start is never after end. */
public record DateRange(LocalDate start, LocalDate end) {
  public DateRange {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  public List<LocalDate> dates() {
    return Stream.iterate(start, d -> !d.isAfter(end), d -> d.plusDays(1)).toList();
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
