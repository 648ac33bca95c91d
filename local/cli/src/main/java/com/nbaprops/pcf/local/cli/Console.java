package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's error stream, shared by log lines and the progress bar. On a terminal the bar owns the
 * last line: a log line is printed above it and the bar redrawn below. Elsewhere (a pipe, a file,
 * CI) progress is plain lines, with no carriage return. A warning that repeats with only its
 * numbers and dates changed is printed once, then summed up when the command ends.
 */
final class Console implements Progress {
  private final PrintStream err;
  private final boolean terminal;
  private final Clock clock;
  private final Map<String, Integer> repeats = new LinkedHashMap<>();
  private String bar = "";

  Console(PrintStream err, boolean terminal, Clock clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  /**
   * Log lines as text, warnings and errors only unless {@code verbose}, repeated warnings folded.
   */
  LogSink textSink(boolean verbose) {
    return new LogSink() {
      @Override
      public void write(Severity severity, String message, Map<String, String> labels) {
        if (!verbose && severity.compareTo(Severity.WARNING) < 0) {
          return;
        }
        if (severity == Severity.WARNING && !verbose && repeated(labels.get("function"), message)) {
          return;
        }
        line(StructuredLog.textLine(clock, severity, message, labels));
      }

      /** The line an operator reads; the stack trace only when asked for (-v). */
      @Override
      public void write(
          Severity severity, String message, Map<String, String> labels, Throwable error) {
        write(severity, verbose ? message + "\n" + LogSink.stackTrace(error) : message, labels);
      }
    };
  }

  /** Cloud Logging's JSON lines, one per entry, every severity: for piping. */
  LogSink jsonSink() {
    LogSink json = StructuredLog.jsonLines(err);
    return new LogSink() {
      @Override
      public void write(Severity severity, String message, Map<String, String> labels) {
        clearBar();
        json.write(severity, message, labels);
        redrawBar();
      }

      @Override
      public void write(
          Severity severity, String message, Map<String, String> labels, Throwable error) {
        clearBar();
        json.write(severity, message, labels, error);
        redrawBar();
      }
    };
  }

  private synchronized boolean repeated(String function, String message) {
    String shape = function + "|" + message.replaceAll("[0-9]+", "#");
    return repeats.merge(shape, 1, Integer::sum) > 1;
  }

  synchronized void line(String text) {
    clearBar();
    err.println(text);
    redrawBar();
    err.flush();
  }

  @Override
  public synchronized void step(int done, int total, String label) {
    String text = ProgressBar.render(done, total, label);
    if (terminal) {
      clearBar();
      bar = text;
      redrawBar();
    } else {
      err.println(text);
    }
    err.flush();
  }

  /** Ends the bar's line, and says how often each folded warning came back. */
  @Override
  public synchronized void finish() {
    if (terminal && !bar.isEmpty()) {
      err.println();
    }
    bar = "";
    repeats.forEach(
        (shape, count) -> {
          if (count > 1) {
            String[] parts = shape.split("\\|", 2);
            err.println(
                "  (the warning of "
                    + parts[0]
                    + " above came "
                    + count
                    + " times in all, with other dates and numbers: "
                    + parts[1]
                    + ")");
          }
        });
    repeats.clear();
    err.flush();
  }

  private void clearBar() {
    if (terminal && !bar.isEmpty()) {
      err.print("\r" + " ".repeat(bar.length()) + "\r");
    }
  }

  private void redrawBar() {
    if (terminal && !bar.isEmpty()) {
      err.print(bar);
    }
  }
}
