package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import java.time.LocalDate;

/**
 * Date arguments: strict ISO dates (a converter registered on the command line), ranges in order.
 */
final class CliDates {
  /** The first NBA game: the earliest date a command looks at. */
  static final LocalDate EARLIEST = LocalDate.of(1946, 11, 1);

  static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private CliDates() {}

  /**
   * The span of an optional START END: every date when neither is given, one date when only START
   * is.
   */
  static DateRange span(LocalDate start, LocalDate end) {
    LocalDate from = start == null ? EARLIEST : start;
    return range(from, end == null ? (start == null ? LATEST : start) : end);
  }

  /**
   * @throws IllegalArgumentException (exit 2) when START is after END
   */
  static DateRange range(LocalDate start, LocalDate end) {
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("START " + start + " is after END " + end);
    }
    return new DateRange(start, end);
  }
}
