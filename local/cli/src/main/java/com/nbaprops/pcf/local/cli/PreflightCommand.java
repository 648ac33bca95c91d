package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.operations.Preflight;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = {
      "Find the game dates of a range whose upcoming context is partial (exit 1 when there are any).",
      "Example: ./pipeline preflight 2023-02-01 2023-02-28"
    })
final class PreflightCommand extends SubCommand {
  @Parameters(index = "0", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", paramLabel = "END")
  LocalDate end;

  @Override
  public Integer call() {
    DateRange range = CliDates.range(start, end);
    PrintWriter out = out();
    try (LocalRuntime local = global().openReadOnly()) {
      PreflightReport report = Preflight.check(local, range, false);
      out.println(report.describe());
      if (report.gameDates().isEmpty()) {
        out.println("no scheduled game between " + range.start() + " and " + range.end());
        return ExitCodes.USAGE;
      }
      return report.passed() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }
}
