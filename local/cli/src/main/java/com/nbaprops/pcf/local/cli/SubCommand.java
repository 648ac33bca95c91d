package com.nbaprops.pcf.local.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A sub-command of {@code ./pipeline}: it parses, opens what it needs and calls one operation. */
abstract class SubCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Spec CommandSpec spec;

  /** Where the command's own output goes (the operator's terminal, or a test's writer). */
  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final GlobalOptions global() {
    return root.global;
  }
}
