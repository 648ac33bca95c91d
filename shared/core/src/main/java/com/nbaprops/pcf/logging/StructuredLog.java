package com.nbaprops.pcf.logging;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A logger that carries labels (function, run_id, analysis_date) into every entry. In the cloud
 * each entry is one JSON line that Cloud Logging parses ({@code severity}, {@code message}, {@code
 * logging.googleapis.com/labels}); in a terminal it is one readable line.
 */
public final class StructuredLog {
  private final LogSink sink;
  private final Map<String, String> labels;

  private StructuredLog(LogSink sink, Map<String, String> labels) {
    this.sink = sink;
    this.labels = Collections.unmodifiableMap(labels);
  }

  public static StructuredLog to(LogSink sink) {
    return new StructuredLog(sink, new LinkedHashMap<>());
  }

  /**
   * JSON lines when running on Cloud Run / Cloud Functions ({@code K_SERVICE} is set), text
   * otherwise.
   */
  public static LogSink defaultSink(Map<String, String> env) {
    String format = env.getOrDefault("LOG_FORMAT", env.containsKey("K_SERVICE") ? "json" : "text");
    return "json".equals(format) ? jsonLines(System.out) : text(System.err, Clock.systemUTC());
  }

  /**
   * Cloud Logging's JSON lines. An entry about an exception carries its stack trace in {@code
   * message} and {@code stack_trace}, and the {@code @type} of Error Reporting's
   * ReportedErrorEvent, so Error Reporting groups it.
   */
  public static LogSink jsonLines(PrintStream out) {
    return new LogSink() {
      @Override
      public void write(Severity severity, String message, Map<String, String> labels) {
        print(entry(severity, message, labels));
      }

      @Override
      public void write(
          Severity severity, String message, Map<String, String> labels, Throwable error) {
        String trace = LogSink.stackTrace(error);
        JsonObject entry = entry(severity, message + "\n" + trace, labels);
        entry.addProperty("stack_trace", trace);
        entry.addProperty("@type", REPORTED_ERROR_EVENT);
        print(entry);
      }

      private void print(JsonObject entry) {
        synchronized (out) {
          out.println(entry);
        }
      }
    };
  }

  /** The type Error Reporting looks for in a structured log entry. */
  static final String REPORTED_ERROR_EVENT =
      "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent";

  private static JsonObject entry(Severity severity, String message, Map<String, String> labels) {
    JsonObject entry = new JsonObject();
    entry.addProperty("severity", severity.name());
    entry.addProperty("message", message);
    JsonObject labelObject = new JsonObject();
    labels.forEach(labelObject::addProperty);
    entry.add("logging.googleapis.com/labels", labelObject);
    return entry;
  }

  /**
   * One readable line per entry. Control characters from a message or a label (a newline that would
   * forge a second entry, a terminal escape) are written as {@code \\n}, {@code \\u001b}.
   */
  public static LogSink text(PrintStream out, Clock clock) {
    return (severity, message, labels) -> {
      String line = textLine(clock, severity, message, labels);
      synchronized (out) {
        out.println(line);
      }
    };
  }

  /** One entry as the text sink writes it: time, severity, labels, message, escaped. */
  public static String textLine(
      Clock clock, Severity severity, String message, Map<String, String> labels) {
    // UTC, said so, as run ids are stamped: the same clock whatever the machine's zone.
    String time = clock.instant().toString().substring(11, 19) + "Z";
    StringBuilder line =
        new StringBuilder().append(time).append(' ').append(String.format("%-7s", severity));
    if (!labels.isEmpty()) {
      StringJoiner pairs = new StringJoiner(" ", " [", "]");
      labels.forEach((k, v) -> pairs.add(escape(k) + "=" + escape(v)));
      line.append(pairs);
    }
    return line.append(' ').append(escape(message)).toString();
  }

  /** {@code text} with every control character written as an escape, so it stays one line. */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                  if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                    escaped.append(String.format("\\u%04x", c));
                  } else {
                    escaped.appendCodePoint(c);
                  }
                }
              }
            });
    return escaped.toString();
  }

  /** A logger with one more label. */
  public StructuredLog with(String label, Object value) {
    Map<String, String> next = new LinkedHashMap<>(labels);
    next.put(label, String.valueOf(value));
    return new StructuredLog(sink, next);
  }

  public Map<String, String> labels() {
    return labels;
  }

  public void info(String message) {
    sink.write(Severity.INFO, message, labels);
  }

  public void warning(String message) {
    sink.write(Severity.WARNING, message, labels);
  }

  public void error(String message) {
    sink.write(Severity.ERROR, message, labels);
  }

  /** An error with the exception behind it, its stack trace included for Error Reporting. */
  public void error(String message, Throwable cause) {
    sink.write(Severity.ERROR, message, labels, cause);
  }

  public void log(Severity severity, String message) {
    sink.write(severity, message, labels);
  }
}
