package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Reports;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML page: coverage per date as a chart with the fail and warn lines,"
          + " status and source per date, the dates to re-run with their commands, the open failures"
          + " and the latest cleanup runs (all tracked dates, or START END).",
      "Example: ./pipeline report 2023-02-01 2023-02-28 --out february.html"
    })
final class ReportCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", arity = "0..1", paramLabel = "END")
  LocalDate end;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file.")
  Path output;

  @Override
  public Integer call() {
    try (LocalRuntime local = root.global.openReadOnly()) {
      String html = Reports.coverage(local, CliDates.span(start, end)).html();
      Files.writeString(output, html, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("report written to " + output.toAbsolutePath());
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
