package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import java.time.LocalDate;
import picocli.CommandLine.Parameters;

/** An optional START END: every date when neither is given, one date when only START is. */
final class OptionalSpan {
  @Parameters(index = "0", arity = "0..1", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", arity = "0..1", paramLabel = "END")
  LocalDate end;

  DateRange span() {
    return CliDates.span(start, end);
  }
}
