package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Reports;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML page: coverage per date as a chart with the fail and warn lines,"
          + " status and source per date, the dates to re-run with their commands, the open failures"
          + " and the latest cleanup runs (all tracked dates, or START END).",
      "Example: ./pipeline report 2023-02-01 2023-02-28 --out february.html"
    })
final class ReportCommand extends SubCommand {
  @Mixin OptionalSpan dates;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file.")
  Path output;

  @Override
  public Integer call() {
    OutputFile.checked("--out", output);
    try (LocalRuntime local = global().openReadOnly()) {
      OutputFile.write(output, Reports.coverage(local, dates.span()).html());
      out().println("report written to " + output.toAbsolutePath());
      return ExitCodes.OK;
    }
  }
}
