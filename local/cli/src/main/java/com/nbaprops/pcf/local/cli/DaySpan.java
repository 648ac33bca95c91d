package com.nbaprops.pcf.local.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The days a command looks at: the last N ending yesterday, or START END. */
final class DaySpan {
  @Option(names = "--days", paramLabel = "N", description = "The N days ending yesterday.")
  Integer days;

  @Parameters(arity = "2", paramLabel = "DATE", description = "START END")
  LocalDate[] range;
}
