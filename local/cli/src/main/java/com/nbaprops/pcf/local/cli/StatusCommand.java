package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Coverage per date from the metadata table (all tracked dates, or START END), and every game"
          + " date never processed (NOT_PROCESSED). Exit 1 if any date is INCOMPLETE or not processed.",
      "Example: ./pipeline status 2023-02-01 2023-02-28 --json"
    })
final class StatusCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "START")
  LocalDate start;

  @Parameters(index = "1", arity = "0..1", paramLabel = "END")
  LocalDate end;

  @Option(names = "--json", description = "One JSON array, for machines.")
  boolean json;

  @Override
  public Integer call() {
    try (LocalRuntime local = root.global.openReadOnly()) {
      return Status.show(local, CliDates.span(start, end), json, spec.commandLine().getOut());
    }
  }
}
