package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.PreflightCheck;
import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.LocalRuntime;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = {
      "Find the game dates of a range whose upcoming context is partial (exit 1 when there are any).",
      "Example: ./pipeline preflight 2023-02-01 2023-02-28"
    })
final class PreflightCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(index = "0", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", paramLabel = "END")
  LocalDate end;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    DateRange range = CliDates.range(start, end);
    try (LocalRuntime local = root.global.openReadOnly()) {
      PreflightReport report = check(local, range, false);
      out.println(report.describe());
      if (report.gameDates().isEmpty()) {
        out.println("no scheduled game between " + range.start() + " and " + range.end());
        return ExitCodes.USAGE;
      }
      return report.passed() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }

  static PreflightReport check(LocalRuntime local, DateRange range, boolean force) {
    return PreflightCheck.of(
            local.runtime().warehouse(), local.runtime().config(), local.runtime().leagueClock())
        .check(range, force);
  }
}
