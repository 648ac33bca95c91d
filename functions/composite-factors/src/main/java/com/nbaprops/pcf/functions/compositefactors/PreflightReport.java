package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.Coverage;
import java.time.LocalDate;
import java.util.List;

/**
 * What the pre-flight check found over a range. A date is an issue when its upcoming context is
 * partial: some players, but fewer than the fallback threshold of the players who played. (An empty
 * context is not an issue: the fallback covers it.)
 */
public record PreflightReport(List<LocalDate> gameDates, List<Issue> issues, boolean forced) {

  /** One poisoned date. */
  public record Issue(LocalDate date, int upcomingPlayers, int expectedPlayers) {
    public double coveragePct() {
      return Coverage.percent(upcomingPlayers, expectedPlayers);
    }

    public int missingPlayers() {
      return expectedPlayers - upcomingPlayers;
    }
  }

  public PreflightReport {
    gameDates = List.copyOf(gameDates);
    issues = List.copyOf(issues);
  }

  /** True when the fan-out may go ahead: no issues, or the request forced it. */
  public boolean passed() {
    return issues.isEmpty() || forced;
  }

  public String describe() {
    if (issues.isEmpty()) {
      return "pre-flight: " + gameDates.size() + " game dates checked, no partial upcoming context";
    }
    StringBuilder text =
        new StringBuilder()
            .append("pre-flight: ")
            .append(issues.size())
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
    text.append(
        forced
            ? "\nforce is set: going ahead; the synthetic fallback will replace the partial context of these dates."
            : "\nremedies: (1) remove the stale rows: ./pipeline cleanup --dry-run, then ./pipeline cleanup"
                + " (in the cloud, publish to upcoming-tables-cleanup-trigger); or (2) let the fallback rebuild"
                + " these dates from player_game_summary: run the range again with force (--force, or"
                + " \"force\":true).");
    return text.toString();
  }
}
