package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Coverage per date from the metadata table (all tracked dates, or START END), and every game"
          + " date never processed (NOT_PROCESSED). Exit 1 if any date is INCOMPLETE, STALE or not processed.",
      "Example: ./pipeline status 2023-02-01 2023-02-28 --json"
    })
final class StatusCommand extends SubCommand {
  @Mixin OptionalSpan dates;

  @Option(names = "--json", description = "One JSON array, for machines.")
  boolean json;

  @Override
  public Integer call() {
    try (LocalRuntime local = global().openReadOnly()) {
      return Status.show(local, dates.span(), json, out());
    }
  }
}
