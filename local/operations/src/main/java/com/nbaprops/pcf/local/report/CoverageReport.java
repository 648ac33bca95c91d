package com.nbaprops.pcf.local.report;

import com.nbaprops.pcf.rules.CoverageStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page of the suite's state: coverage per date as an inline SVG chart with
 * the fail and warn lines, status and source per date, the dates to re-run with their commands, the
 * open failures and the latest cleanup runs. No script, no font, no stylesheet from elsewhere: it
 * renders the same offline, attached to an incident ticket, years later. Every text from the
 * warehouse is escaped.
 */
public final class CoverageReport {
  /** A message refused as bad input: not a date's failure, counted apart. */
  private static final String REJECTED = "INVALID_MESSAGE";

  /** The status of a game date with no metadata row. */
  public static final String NOT_PROCESSED = "NOT_PROCESSED";

  /** One tracked date. */
  public record DateRow(
      LocalDate date,
      long expected,
      long actual,
      double coveragePct,
      String status,
      String source,
      String verdict) {
    boolean needsRerun() {
      return CoverageStatus.needsWork(status)
          || NOT_PROCESSED.equals(status)
          || "FAIL".equals(verdict)
          || "ERROR".equals(verdict);
    }
  }

  /** An open failure. */
  public record Failure(LocalDate date, String processor, String category, String reason) {}

  /** A cleanup run. */
  public record Cleanup(
      Instant time, String status, boolean dryRun, LocalDate cutoff, long backedUp, long deleted) {}

  private static final int WIDTH = 960;
  private static final int HEIGHT = 320;
  private static final int LEFT = 48;

  /** The right margin holds the threshold lines' labels, clear of every point. */
  private static final int RIGHT = 96;

  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private final String title;
  private final List<DateRow> dates;
  private final List<Failure> failures;
  private final List<Cleanup> cleanups;
  private final double failPct;
  private final double warnPct;
  private final String reprocessTopic;

  public CoverageReport(
      String title,
      List<DateRow> dates,
      List<Failure> failures,
      List<Cleanup> cleanups,
      double failPct,
      double warnPct,
      String reprocessTopic) {
    this.title = title;
    this.dates = List.copyOf(dates);
    this.failures = List.copyOf(failures);
    this.cleanups = List.copyOf(cleanups);
    this.failPct = failPct;
    this.warnPct = warnPct;
    this.reprocessTopic = reprocessTopic;
  }

  public String html() {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(title))
        .append("</title><style>")
        .append(
            "body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;"
                + "margin-top:28px}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;"
                + "padding:3px 8px;text-align:left}th{background:#f2f2f2}.COMPLETE{color:#1a7f37}"
                + ".LOW{color:#b35900}.INCOMPLETE,.STALE,.NOT_PROCESSED{color:#c62828;font-weight:bold}.SKIPPED,.OFF_DAY{color:#777}"
                + "code{background:#f6f6f6;padding:1px 4px}")
        .append("</style></head><body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    long incomplete = dates.stream().filter(d -> "INCOMPLETE".equals(d.status())).count();
    long stale = dates.stream().filter(d -> "STALE".equals(d.status())).count();
    long notProcessed = dates.stream().filter(d -> NOT_PROCESSED.equals(d.status())).count();
    html.append("<p>")
        .append(dates.size())
        .append(" dates, ")
        .append(incomplete)
        .append(" INCOMPLETE, ")
        .append(stale == 0 ? "" : stale + " STALE (computed from inputs restated since), ")
        .append(notProcessed == 0 ? "" : notProcessed + " game dates never processed, ")
        .append(failures.stream().filter(f -> !REJECTED.equals(f.category())).count())
        .append(
            failures.stream().filter(f -> !REJECTED.equals(f.category())).count() == 1
                ? " open failure"
                : " open failures")
        .append(
            failures.stream().anyMatch(f -> REJECTED.equals(f.category()))
                ? ", "
                    + failures.stream().filter(f -> REJECTED.equals(f.category())).count()
                    + " rejected messages not yet acknowledged (./pipeline failures --ack-rejected)"
                : "")
        .append(".</p>\n");
    chart(html);
    rerun(html);
    dateTable(html);
    failureTable(html);
    cleanupTable(html);
    html.append("</body></html>\n");
    return html.toString();
  }

  private void chart(StringBuilder html) {
    html.append("<h2>Coverage per date</h2>\n");
    if (dates.isEmpty()) {
      html.append("<p>No tracked date in this span.</p>\n");
      return;
    }
    LocalDate first = dates.get(0).date();
    long span = Math.max(1, ChronoUnit.DAYS.between(first, dates.get(dates.size() - 1).date()));
    double top =
        Math.max(100.0, dates.stream().mapToDouble(DateRow::coveragePct).max().orElse(100));
    html.append("<svg id=\"coverage\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"coverage per date\">\n");
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = y(pct, top);
      html.append(line(LEFT, y, WIDTH - RIGHT, y, "#eee", false))
          .append(text(4, y + 4, pct + "%", "#777"));
    }
    html.append(line(LEFT, y(failPct, top), WIDTH - RIGHT, y(failPct, top), "#c62828", true))
        .append(
            text(WIDTH - RIGHT + 6, y(failPct, top) + 4, "fail " + num(failPct) + "%", "#c62828"))
        .append(line(LEFT, y(warnPct, top), WIDTH - RIGHT, y(warnPct, top), "#b35900", true))
        .append(
            text(WIDTH - RIGHT + 6, y(warnPct, top) + 4, "warn " + num(warnPct) + "%", "#b35900"));
    html.append(text(LEFT, HEIGHT - 12, first.toString(), "#777"))
        .append(
            text(
                WIDTH - RIGHT - 80,
                HEIGHT - 12,
                dates.get(dates.size() - 1).date().toString(),
                "#777"));
    for (DateRow row : dates) {
      double x =
          LEFT
              + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(first, row.date()) / (double) span;
      html.append("<circle class=\"point ")
          .append(escape(row.status()))
          .append("\" data-date=\"")
          .append(row.date())
          .append("\" cx=\"")
          .append(num(x))
          .append("\" cy=\"")
          .append(num(y(row.coveragePct(), top)))
          .append("\" r=\"4\" fill=\"")
          .append(color(row.status()))
          .append("\"><title>")
          .append(escape(row.date() + ": " + num(row.coveragePct()) + "% " + row.status()))
          .append("</title></circle>\n");
    }
    html.append("</svg>\n");
  }

  private void rerun(StringBuilder html) {
    List<DateRow> sick = dates.stream().filter(DateRow::needsRerun).toList();
    html.append("<h2>Dates to re-run</h2>\n");
    if (sick.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<p>All at once: <code>./pipeline heal ")
        .append(sick.get(0).date())
        .append(' ')
        .append(sick.get(sick.size() - 1).date())
        .append(
            "</code></p>\n<table><tr><th>date</th><th>status</th><th>verdict</th><th>command</th></tr>\n");
    for (DateRow row : sick) {
      html.append("<tr><td>")
          .append(row.date())
          .append("</td><td class=\"")
          .append(escape(row.status()))
          .append("\">")
          .append(escape(row.status()))
          .append("</td><td>")
          .append(escape(row.verdict()))
          .append("</td><td><code>./pipeline reprocess ")
          .append(row.date())
          .append("</code><br><code>gcloud pubsub topics publish ")
          .append(escape(reprocessTopic))
          .append(" --message '{\"analysis_date\":\"")
          .append(row.date())
          .append("\",\"backfill_mode\":true}'</code></td></tr>\n");
    }
    html.append("</table>\n");
  }

  private void dateTable(StringBuilder html) {
    html.append("<h2>Status and source per date</h2>\n<table><tr><th>date</th><th>expected</th>")
        .append(
            "<th>actual</th><th>coverage</th><th>status</th><th>source</th><th>verdict</th></tr>\n");
    for (DateRow row : dates) {
      html.append("<tr><td>")
          .append(row.date())
          .append("</td><td>")
          .append(row.expected())
          .append("</td><td>")
          .append(row.actual())
          .append("</td><td>")
          .append(num(row.coveragePct()))
          .append("%</td><td class=\"")
          .append(escape(row.status()))
          .append("\">")
          .append(escape(row.status()))
          .append("</td><td>")
          .append(
              // The same names as status and track print.
              escape(row.source() == null ? "-" : row.source()))
          .append("</td><td>")
          .append(escape(row.verdict()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private void failureTable(StringBuilder html) {
    html.append("<h2>Open failures</h2>\n");
    if (failures.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<table><tr><th>date</th><th>function</th><th>category</th><th>reason</th></tr>\n");
    for (Failure failure : failures) {
      html.append("<tr><td>")
          .append(failure.date())
          .append("</td><td>")
          .append(escape(failure.processor()))
          .append("</td><td>")
          .append(escape(failure.category()))
          .append("</td><td>")
          .append(escape(failure.reason()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private void cleanupTable(StringBuilder html) {
    html.append("<h2>Latest cleanup runs</h2>\n");
    if (cleanups.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<table><tr><th>started</th><th>status</th><th>cutoff</th><th>backed up</th>")
        .append("<th>deleted</th></tr>\n");
    for (Cleanup cleanup : cleanups) {
      html.append("<tr><td>")
          .append(cleanup.time())
          .append(cleanup.dryRun() ? " (dry run)" : "")
          .append("</td><td>")
          .append(escape(cleanup.status()))
          .append("</td><td>")
          .append(cleanup.cutoff())
          .append("</td><td>")
          .append(cleanup.backedUp())
          .append("</td><td>")
          .append(cleanup.deleted())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static double y(double pct, double top) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - pct / top);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String color, boolean dashed) {
    return "<line x1=\""
        + num(x1)
        + "\" y1=\""
        + num(y1)
        + "\" x2=\""
        + num(x2)
        + "\" y2=\""
        + num(y2)
        + "\" stroke=\""
        + color
        + "\""
        + (dashed ? " stroke-dasharray=\"6 4\"" : "")
        + "/>\n";
  }

  private static String text(double x, double y, String text, String color) {
    return "<text x=\""
        + num(x)
        + "\" y=\""
        + num(y)
        + "\" font-size=\"11\" fill=\""
        + color
        + "\">"
        + escape(text)
        + "</text>\n";
  }

  private static String color(String status) {
    return switch (String.valueOf(status)) {
      case "COMPLETE" -> "#1a7f37";
      case "LOW" -> "#b35900";
      case "INCOMPLETE", "STALE" -> "#c62828";
      default -> "#777777";
    };
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Text as HTML: the five characters that could end an element or an attribute, escaped. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
