package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import java.time.LocalDate;
import picocli.CommandLine;

/** Date arguments: strict ISO dates (a converter registered on the command line), ranges in order. */
final class CliDates {
  private CliDates() {}

  static DateRange range(LocalDate start, LocalDate end) {
    if (start.isAfter(end)) {
      throw new CommandLine.ParameterException(
          new CommandLine(new PipelineCli()), "START " + start + " is after END " + end);
    }
    return new DateRange(start, end);
  }
}
