package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Reports;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    try (LocalRuntime local = global().openReadOnly()) {
      String html = Reports.coverage(local, dates.span()).html();
      Files.writeString(output, html, StandardCharsets.UTF_8);
      out().println("report written to " + output.toAbsolutePath());
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
