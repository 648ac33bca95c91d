package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import java.time.LocalDate;

/**
 * Date arguments: strict ISO dates (a converter registered on the command line), ranges in order.
 */
final class CliDates {
  private CliDates() {}

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
