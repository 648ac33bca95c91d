package com.nbaprops.pcf.local.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The season's timeline as one self-contained HTML page in the coverage report's style: days
 * across, every game date's final status in a strip, and each incident on a lane of its own from
 * injection (red) to detection (amber span) to heal (green span). Inline SVG, no script.
 */
public final class RehearsalTimeline {
  private static final int LABEL = 230;
  private static final int DAY = 6;
  private static final int LANE = 18;
  private static final int TOP = 40;
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ScheduledJob.TIME_ZONE);

  private final RehearsalOutput output;
  private final RehearsalResult result;

  public RehearsalTimeline(RehearsalOutput output) {
    this.output = output;
    this.result = output.result();
  }

  public String html() {
    StringBuilder page = new StringBuilder();
    page.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Rehearsal ")
        .append(result.firstDay())
        .append("..")
        .append(result.lastDay())
        .append("</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:24px;color:#222}")
        .append("table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;")
        .append("border-bottom:1px solid #ddd}.bad{color:#b00020}.ok{color:#1b5e20}")
        .append("</style></head><body>\n<h1>Season rehearsal ")
        .append(result.firstDay())
        .append(" to ")
        .append(result.lastDay())
        .append("</h1>\n<p>Seed ")
        .append(result.seed())
        .append(", ")
        .append(result.incidents().size())
        .append(" incidents, AUTO_HEAL ")
        .append(result.autoHeal() ? "on" : "off")
        .append(". ")
        .append(summary())
        .append("</p>\n");
    page.append(svg());
    page.append(table());
    page.append("</body></html>\n");
    return page.toString();
  }

  private String summary() {
    RehearsalOutput.Spread detect = output.detection();
    RehearsalOutput.Spread heal = output.healing();
    String verdict =
        output.passed()
            ? "<span class=\"ok\">Passed</span>: every incident detected and healed, no false"
                + " alarm, every date COMPLETE and equal to the clean run."
            : "<span class=\"bad\">Failed</span>: " + escape(String.join("; ", output.failures()));
    return "Time to detect: "
        + (detect == null ? "-" : detect.text())
        + "; to heal: "
        + (heal == null ? "-" : heal.text())
        + ". "
        + verdict;
  }

  private String svg() {
    LocalDate first = result.firstDay();
    long days = Duration.between(start(first), start(result.lastDay().plusDays(4))).toDays();
    List<Incident> incidents =
        result.incidents().stream().sorted(Comparator.comparing(Incident::injectedAt)).toList();
    int width = LABEL + (int) days * DAY + 20;
    int height = TOP + 30 + incidents.size() * LANE + 40;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"incidents over the season\">\n",
            width,
            height));
    for (LocalDate month = first.withDayOfMonth(1);
        !month.isAfter(result.lastDay());
        month = month.plusMonths(1)) {
      double x = x(start(month.isBefore(first) ? first : month));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#666\">%s</text>\n",
              x,
              TOP - 12,
              x,
              height - 30,
              x + 2,
              TOP - 16,
              month.getMonth().toString().substring(0, 3)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"4\" y=\"%d\" font-size=\"12\">final status per game date</text>\n",
            TOP + 10));
    for (Map.Entry<LocalDate, String> date : result.statuses().entrySet()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"><title>%s %s</title>"
                  + "</rect>\n",
              x(start(date.getKey())),
              TOP,
              DAY - 1,
              statusColor(date.getValue()),
              date.getKey(),
              escape(date.getValue())));
    }
    int y = TOP + 30;
    for (Incident incident : incidents) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"4\" y=\"%d\" font-size=\"12\">%s %s</text>\n",
              y + 12,
              incident.kind().id(),
              incident.date()));
      Instant detected = incident.detection() == null ? null : incident.detection().at();
      Instant healed = incident.healedAt();
      if (detected != null) {
        svg.append(span(incident.injectedAt(), detected, y, "#f9a825", "to detection"));
      }
      if (healed != null) {
        svg.append(
            span(
                detected == null ? incident.injectedAt() : detected,
                healed,
                y,
                "#2e7d32",
                "to heal"));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"2\" height=\"16\" fill=\"#c62828\"><title>%s"
                  + " injected %s: %s</title></rect>\n",
              x(incident.injectedAt()) - 1,
              y,
              incident.kind().id(),
              SHORT.format(incident.injectedAt()),
              escape(incident.detail())));
      y += LANE;
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<g font-size=\"12\"><rect x=\"9\" y=\"%1$d\" width=\"2\" height=\"12\""
                + " fill=\"#c62828\"/>"
                + "<text x=\"18\" y=\"%2$d\">injected</text>"
                + "<rect x=\"90\" y=\"%3$d\" width=\"16\" height=\"8\" fill=\"#f9a825\"/>"
                + "<text x=\"110\" y=\"%2$d\">until detected</text>"
                + "<rect x=\"210\" y=\"%3$d\" width=\"16\" height=\"8\" fill=\"#2e7d32\"/>"
                + "<text x=\"230\" y=\"%2$d\">until healed</text></g>\n",
            y + 10,
            y + 20,
            y + 12));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private String span(Instant from, Instant to, int y, String color, String what) {
    double x1 = x(from);
    double x2 = Math.max(x(to), x1 + 2);
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"%s\"><title>%s: %.1f h"
            + "</title></rect>\n",
        x1,
        y + 3,
        x2 - x1,
        color,
        what,
        Duration.between(from, to).toMinutes() / 60.0);
  }

  private String table() {
    StringBuilder table =
        new StringBuilder(
            "<h2>Incidents</h2>\n<table><tr><th>kind</th><th>date</th><th>what</th>"
                + "<th>injected</th><th>detected</th><th>by</th><th>healed</th><th>by</th></tr>\n");
    for (Incident incident :
        result.incidents().stream().sorted(Comparator.comparing(Incident::injectedAt)).toList()) {
      table
          .append("<tr><td>")
          .append(incident.kind().id())
          .append("</td><td>")
          .append(incident.date())
          .append("</td><td>")
          .append(escape(incident.detail()))
          .append("</td><td>")
          .append(SHORT.format(incident.injectedAt()))
          .append("</td><td>")
          .append(incident.detection() == null ? "-" : SHORT.format(incident.detection().at()))
          .append("</td><td>")
          .append(
              escape(
                  incident.kind().scenario().damages()
                      ? incident.detection() == null ? "never" : incident.detection().describe()
                      : "not needed: nothing was damaged"))
          .append("</td><td>")
          .append(incident.healedAt() == null ? "never" : SHORT.format(incident.healedAt()))
          .append("</td><td>")
          .append(escape(incident.healedBy() == null ? "-" : incident.healedBy()))
          .append("</td></tr>\n");
    }
    table
        .append("</table>\n<h2>False alarms: ")
        .append(result.falseAlarms().size())
        .append("</h2>\n");
    if (!result.falseAlarms().isEmpty()) {
      table.append("<ul>\n");
      for (Signal alarm : result.falseAlarms()) {
        table
            .append("<li>")
            .append(SHORT.format(alarm.at()))
            .append(" ")
            .append(alarm.date() == null ? "" : alarm.date())
            .append(" ")
            .append(escape(alarm.describe()))
            .append("</li>\n");
      }
      table.append("</ul>\n");
    }
    return table.toString();
  }

  private Instant start(LocalDate date) {
    return date.atStartOfDay(ScheduledJob.TIME_ZONE).toInstant();
  }

  private double x(Instant at) {
    double days = Duration.between(start(result.firstDay()), at).toMinutes() / (24 * 60.0);
    return LABEL + days * DAY;
  }

  private static String statusColor(String status) {
    return switch (status) {
      case "COMPLETE" -> "#2e7d32";
      case "SKIPPED" -> "#90a4ae";
      case "LOW" -> "#f9a825";
      default -> "#c62828";
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
