package com.nbaprops.pcf.logging;

import java.util.Map;

/** Where log entries go: stdout as JSON for Cloud Logging, a terminal as text, a list in tests. */
@FunctionalInterface
public interface LogSink {
  void write(Severity severity, String message, Map<String, String> labels);
}
