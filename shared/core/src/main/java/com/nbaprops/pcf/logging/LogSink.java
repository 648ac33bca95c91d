package com.nbaprops.pcf.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Where log entries go: stdout as JSON for Cloud Logging, a terminal as text, a list in tests. */
@FunctionalInterface
public interface LogSink {
  void write(Severity severity, String message, Map<String, String> labels);

  /**
   * An entry about a failure: the message, then the exception's stack trace, as Cloud Error
   * Reporting reads it from a log entry's message. A sink may keep the trace apart as well.
   */
  default void write(
      Severity severity, String message, Map<String, String> labels, Throwable error) {
    write(severity, message + "\n" + stackTrace(error), labels);
  }

  /** {@code error}'s stack trace, causes included, as the JVM prints it. */
  static String stackTrace(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return trace.toString().stripTrailing();
  }
}
