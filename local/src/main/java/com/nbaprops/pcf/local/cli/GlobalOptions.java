package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every sub-command takes, and how they open the embedded runtime. */
final class GlobalOptions {
  @Option(
      names = "--today",
      scope = ScopeType.INHERIT,
      paramLabel = "YYYY-MM-DD",
      description = "Fix the clock to this date (in America/New_York), so runs are repeatable.")
  LocalDate today;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show every log line of the functions, not only warnings and errors.")
  boolean verbose;

  Map<String, String> env = System.getenv();
  PrintStream logStream = System.err;

  /** {@code PIPELINE_HOME}, or {@code .local} in the current folder. */
  Path home() {
    return Path.of(env.getOrDefault("PIPELINE_HOME", ".local"));
  }

  LocalRuntime open() {
    return LocalRuntime.open(home(), env, today, logSink());
  }

  LogSink logSink() {
    LogSink text = StructuredLog.text(logStream, Clock.systemUTC());
    return (severity, message, labels) -> {
      if (verbose || severity.ordinal() >= Severity.WARNING.ordinal()) {
        text.write(severity, message, labels);
      }
    };
  }
}
