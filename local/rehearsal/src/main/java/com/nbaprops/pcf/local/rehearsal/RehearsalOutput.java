package com.nbaprops.pcf.local.rehearsal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A rehearsal's result as the terminal shows it, as JSON, and the figures both share. */
public final class RehearsalOutput {
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ScheduledJob.TIME_ZONE);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ScheduledJob.TIME_ZONE);

  private final RehearsalResult result;

  public RehearsalOutput(RehearsalResult result) {
    this.result = result;
  }

  /** Whether every incident was detected and healed, with no false alarm, every date done. */
  public boolean passed() {
    return result.failures().isEmpty();
  }

  public List<String> failures() {
    return result.failures();
  }

  /** Median and worst of some durations, in hours; null when there are none. */
  record Spread(double median, double worst, int count) {
    static Spread of(List<Duration> durations) {
      List<Double> hours =
          durations.stream()
              .filter(Objects::nonNull)
              .map(d -> d.toMinutes() / 60.0)
              .sorted()
              .toList();
      if (hours.isEmpty()) {
        return null;
      }
      int n = hours.size();
      double median = n % 2 == 1 ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2;
      return new Spread(median, hours.get(n - 1), n);
    }

    String text() {
      return String.format(Locale.ROOT, "median %.1f h, worst %.1f h", median, worst);
    }
  }

  Spread detection() {
    return Spread.of(result.incidents().stream().map(Incident::timeToDetect).toList());
  }

  Spread healing() {
    return Spread.of(result.incidents().stream().map(Incident::timeToHeal).toList());
  }

  Spread detectionAfterDue() {
    return Spread.of(result.incidents().stream().map(Incident::detectionAfterDue).toList());
  }

  Spread healAfterReady() {
    return Spread.of(result.incidents().stream().map(Incident::healAfterReady).toList());
  }

  private Map<IncidentKind, List<Incident>> byKind() {
    Map<IncidentKind, List<Incident>> kinds = new EnumMap<>(IncidentKind.class);
    result.incidents().forEach(i -> kinds.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i));
    return kinds;
  }

  /** One line per incident, then the totals and the figures per kind. */
  public void print(PrintWriter out) {
    out.printf(
        "rehearsed %s..%s (New York time), seed %d, %d incidents, AUTO_HEAL %s%n",
        result.firstDay(),
        result.lastDay(),
        result.seed(),
        result.incidents().size(),
        result.autoHeal() ? "on" : "off");
    out.printf(
        "%-3s %-24s %-10s  %-11s  %-20s %-40s %-20s %s%n",
        "#", "kind", "date", "injected", "detected (after)", "by", "healed (after)", "by");
    int n = 0;
    for (Incident incident :
        result.incidents().stream().sorted(Comparator.comparing(Incident::injectedAt)).toList()) {
      out.printf(
          "%-3d %-24s %-10s  %-11s  %-20s %-40s %-20s %s%n",
          ++n,
          incident.kind().id(),
          incident.date(),
          SHORT.format(incident.injectedAt()),
          incident.kind().scenario().damages()
              ? after(incident.detection() == null ? null : incident.detection().at(), incident)
              : "not needed",
          clip(
              incident.kind().scenario().damages()
                  ? incident.detection() == null ? "-" : incident.detection().describe()
                  : "nothing was damaged",
              40),
          after(incident.healedAt(), incident),
          incident.healedBy() == null ? "-" : incident.healedBy());
    }
    out.println();
    Spread detect = detection();
    Spread heal = healing();
    out.printf(
        "time to detect: %s; time to heal: %s%n",
        detect == null ? "-" : detect.text(), heal == null ? "-" : heal.text());
    Spread afterDue = detectionAfterDue();
    Spread afterReady = healAfterReady();
    Spread latency = result.latency();
    out.printf(
        "detection after due: %s; heal after ready: %s; data latency of %d game dates: %s%n",
        afterDue == null ? "-" : afterDue.text(),
        afterReady == null ? "-" : afterReady.text(),
        latency == null ? 0 : latency.count(),
        latency == null ? "-" : latency.text());
    for (var entry : byKind().entrySet()) {
      Spread d = Spread.of(entry.getValue().stream().map(Incident::timeToDetect).toList());
      Spread h = Spread.of(entry.getValue().stream().map(Incident::timeToHeal).toList());
      out.printf(
          "  %-24s x%-2d detect %-28s heal %s%n",
          entry.getKey().id(),
          entry.getValue().size(),
          d == null ? "not needed" : d.text(),
          h == null ? "never" : h.text());
    }
    out.printf(
        "false alarms: %d%s%n",
        result.falseAlarms().size(),
        result.falseAlarms().isEmpty()
            ? ""
            : " (first: "
                + SHORT.format(result.falseAlarms().get(0).at())
                + " "
                + result.falseAlarms().get(0).date()
                + " "
                + result.falseAlarms().get(0).describe()
                + ")");
    out.printf(
        "game dates: %d; COMPLETE %d, SKIPPED (bootstrap) %d, not COMPLETE %d%s%n",
        result.statuses().size(),
        result.datesComplete(),
        result.datesSkipped(),
        result.notComplete().size(),
        result.notComplete().isEmpty() ? "" : " " + result.notComplete());
    out.printf(
        "the final table equals the clean run's row for row: %s%n",
        result.identicalToCleanRun() ? "yes" : "no, on " + result.differingDates());
  }

  private static String after(Instant at, Incident incident) {
    if (at == null) {
      return "never";
    }
    return String.format(
        Locale.ROOT,
        "%s (%.1f h)",
        SHORT.format(at),
        Duration.between(incident.injectedAt(), at).toMinutes() / 60.0);
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }

  /** The result as JSON: the same seed gives the same text, times being simulated. */
  public String json() {
    JsonObject root = new JsonObject();
    root.addProperty("seed", result.seed());
    root.addProperty("auto_heal", result.autoHeal());
    root.addProperty("first_date", result.firstDay().toString());
    root.addProperty("last_date", result.lastDay().toString());
    JsonArray incidents = new JsonArray();
    for (Incident incident :
        result.incidents().stream().sorted(Comparator.comparing(Incident::injectedAt)).toList()) {
      JsonObject item = new JsonObject();
      item.addProperty("kind", incident.kind().id());
      item.addProperty("date", incident.date().toString());
      item.addProperty("what", incident.kind().scenario().description());
      item.addProperty("detail", incident.detail());
      item.addProperty("injected_at", ISO.format(incident.injectedAt()));
      item.addProperty(
          "detected_at",
          incident.detection() == null ? null : ISO.format(incident.detection().at()));
      item.addProperty(
          "detected_by",
          incident.kind().scenario().damages()
              ? incident.detection() == null ? null : incident.detection().describe()
              : "not needed: nothing was damaged");
      item.addProperty(
          "healed_at", incident.healedAt() == null ? null : ISO.format(incident.healedAt()));
      item.addProperty("healed_by", incident.healedBy());
      item.addProperty("due_at", incident.dueAt() == null ? null : ISO.format(incident.dueAt()));
      item.addProperty(
          "ready_at", incident.readyAt() == null ? null : ISO.format(incident.readyAt()));
      item.addProperty("hours_to_detect_after_due", hours(incident.detectionAfterDue()));
      item.addProperty("hours_to_heal_after_ready", hours(incident.healAfterReady()));
      item.addProperty("hours_to_detect", hours(incident.timeToDetect()));
      item.addProperty("hours_to_heal", hours(incident.timeToHeal()));
      incidents.add(item);
    }
    root.add("incidents", incidents);
    JsonArray alarms = new JsonArray();
    for (Signal alarm : result.falseAlarms()) {
      JsonObject item = new JsonObject();
      item.addProperty("at", ISO.format(alarm.at()));
      item.addProperty("date", alarm.date() == null ? null : alarm.date().toString());
      item.addProperty("signal", alarm.describe());
      alarms.add(item);
    }
    root.add("false_alarms", alarms);
    root.addProperty("dates_total", result.statuses().size());
    root.addProperty("dates_complete", result.datesComplete());
    root.addProperty("dates_skipped", result.datesSkipped());
    JsonArray notComplete = new JsonArray();
    result.notComplete().forEach(date -> notComplete.add(date.toString()));
    root.add("dates_not_complete", notComplete);
    root.addProperty("identical_to_clean_run", result.identicalToCleanRun());
    JsonObject kinds = new JsonObject();
    byKind()
        .forEach(
            (kind, list) -> {
              JsonObject item = new JsonObject();
              item.addProperty("count", list.size());
              spread(item, "detect", Spread.of(list.stream().map(Incident::timeToDetect).toList()));
              spread(item, "heal", Spread.of(list.stream().map(Incident::timeToHeal).toList()));
              kinds.add(kind.id(), item);
            });
    root.add("per_kind", kinds);
    JsonObject totals = new JsonObject();
    spread(totals, "detect", detection());
    spread(totals, "heal", healing());
    spread(totals, "detect_after_due", detectionAfterDue());
    spread(totals, "heal_after_ready", healAfterReady());
    Spread latency = result.latency();
    root.addProperty("data_latency_median_h", latency == null ? null : latency.median());
    root.addProperty("data_latency_worst_h", latency == null ? null : latency.worst());
    root.addProperty("game_dates_measured", latency == null ? 0 : latency.count());
    root.add("totals", totals);
    root.addProperty("passed", passed());
    return new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create()
            .toJson(root)
        + "\n";
  }

  private static void spread(JsonObject into, String name, Spread spread) {
    into.addProperty("median_hours_to_" + name, spread == null ? null : spread.median());
    into.addProperty("worst_hours_to_" + name, spread == null ? null : spread.worst());
  }

  private static Double hours(Duration duration) {
    return duration == null ? null : duration.toMinutes() / 60.0;
  }

  RehearsalResult result() {
    return result;
  }
}
