package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.query.InputReport;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the pre-flight check found over a range. A date is an issue when its upcoming context is
 * partial: some players, but fewer than the fallback threshold of the players who played (an empty
 * context is not an issue: the fallback covers it), or when an input it needs is under its critical
 * threshold.
 *
 * @param cleanupCutoff the cleanup removes upcoming rows of dates before this day only
 */
public record PreflightReport(
    List<LocalDate> gameDates,
    List<Issue> issues,
    List<InputIssue> inputIssues,
    boolean forced,
    LocalDate cleanupCutoff) {

  /** One poisoned date. */
  public record Issue(LocalDate date, int upcomingPlayers, int expectedPlayers) {
    public double coveragePct() {
      return Coverage.percent(upcomingPlayers, expectedPlayers);
    }

    public int missingPlayers() {
      return expectedPlayers - upcomingPlayers;
    }

    /** {@code 2023-02-23 (1 of 187 players)}. */
    String brief() {
      return date + " (" + upcomingPlayers + " of " + expectedPlayers + " players)";
    }
  }

  /** One input of one date under its critical threshold. */
  public record InputIssue(LocalDate date, InputReport.Shortfall shortfall) {}

  public PreflightReport {
    gameDates = List.copyOf(gameDates);
    issues = List.copyOf(issues);
    inputIssues = List.copyOf(inputIssues);
  }

  /** True when the fan-out may go ahead: no issues, or the request forced it. */
  public boolean passed() {
    return (issues.isEmpty() && inputIssues.isEmpty()) || forced;
  }

  /** The findings on one line, for a log entry: the failure rows carry the remedies. */
  public String summary() {
    StringBuilder text =
        new StringBuilder("pre-flight: ").append(gameDates.size()).append(" game dates checked");
    if (!issues.isEmpty()) {
      text.append("; partial upcoming context on ")
          .append(issues.stream().map(Issue::brief).collect(Collectors.joining(", ")));
    }
    if (!inputIssues.isEmpty()) {
      text.append("; inputs missing on ")
          .append(
              inputIssues.stream()
                  .map(
                      issue -> issue.date() + " (" + issue.shortfall().input().table().name() + ")")
                  .collect(Collectors.joining(", ")));
    }
    if (issues.isEmpty() && inputIssues.isEmpty()) {
      text.append(", every input present, no partial upcoming context");
    } else {
      text.append(
          forced
              ? "; force is set: going ahead"
              : "; stopped: each date has a failure row with its remedy");
    }
    return text.toString();
  }

  public String describe() {
    if (issues.isEmpty() && inputIssues.isEmpty()) {
      return "pre-flight: "
          + gameDates.size()
          + " game dates checked: every input present, no partial upcoming context";
    }
    StringBuilder text = new StringBuilder("pre-flight: ");
    if (!inputIssues.isEmpty()) {
      describeInputs(text);
    }
    if (!issues.isEmpty()) {
      describeContexts(text);
    }
    return text.toString();
  }

  private static void describeTable(
      StringBuilder text, TableDefinition table, List<InputIssue> issues) {
    text.append("  ").append(table.name()).append(System.lineSeparator());
    for (InputIssue issue : issues) {
      text.append("    ")
          .append(issue.date())
          .append("  ")
          .append(issue.shortfall().describe())
          .append(System.lineSeparator());
    }
  }

  private void describeInputs(StringBuilder text) {
    Map<TableDefinition, List<InputIssue>> byTable =
        inputIssues.stream()
            .collect(
                Collectors.groupingBy(
                    issue -> issue.shortfall().input().table(),
                    () -> new TreeMap<>(java.util.Comparator.comparing(TableDefinition::name)),
                    Collectors.toList()));
    text.append(
            inputIssues.stream().map(InputIssue::date).distinct().count()
                + " of "
                + gameDates.size()
                + " game dates lack an input they need:")
        .append(System.lineSeparator());
    byTable.forEach((table, list) -> describeTable(text, table, list));
    text.append(
            forced
                ? "force is set: going ahead; these dates will be INCOMPLETE until their inputs land"
                    + " and they are healed."
                : "remedy: backfill these tables together first, for these dates ("
                    + byTable.keySet().stream()
                        .map(TableDefinition::name)
                        .collect(Collectors.joining(", "))
                    + "), then run the range again; or run it with force and heal the dates once"
                    + " their inputs land.")
        .append(System.lineSeparator());
  }

  private void describeContexts(StringBuilder text) {
    text.append(issues.size())
        .append(" of ")
        .append(gameDates.size())
        .append(
            " game dates have a partial upcoming_player_game_context (stale rows would hide players):");
    for (Issue issue : issues) {
      text.append(
          String.format(
              "%n  %s  upcoming %d of %d players (%.1f%%), %d missing",
              issue.date(),
              issue.upcomingPlayers(),
              issue.expectedPlayers(),
              issue.coveragePct(),
              issue.missingPlayers()));
    }
    if (forced) {
      text.append(
          "\nforce is set: going ahead; the synthetic fallback will replace the partial context of"
              + " these dates.");
      return;
    }
    text.append(
        "\nremedies: (1) let the fallback rebuild these dates from player_game_summary: run the"
            + " range again with force (--force, or \"force\":true), or reprocess each date"
            + " (./pipeline reprocess DATE: a past date runs in backfill mode, which falls back"
            + " below the threshold)");
    text.append(cleanupRemedy());
  }

  /** Whether the TTL cleanup can remove the stale rows: only for dates before its cutoff. */
  private String cleanupRemedy() {
    List<LocalDate> reachable =
        issues.stream().map(Issue::date).filter(d -> d.isBefore(cleanupCutoff)).toList();
    return reachable.isEmpty()
        ? "; the TTL cleanup does not help here: it removes upcoming rows only before "
            + cleanupCutoff
            + "."
        : "; (2) for "
            + reachable.stream().map(LocalDate::toString).collect(Collectors.joining(", "))
            + " only (before the TTL cutoff "
            + cleanupCutoff
            + "), the cleanup removes the stale rows: ./pipeline cleanup --dry-run, then"
            + " ./pipeline cleanup.";
  }
}
