package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Thresholds;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.InputReport;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.List;

/**
 * Records what keeps a date INCOMPLETE, one failure per cause, each with the remedy that fixes it:
 * the upstream table and its missing keys, the players missing, the feature short, or the check
 * that could not run.
 */
record FailureFlags(FailureRecorder failures, Thresholds thresholds, String reprocessTopic) {
  private static final String DATE_LEVEL = "DATE_LEVEL";

  /** Records the failures of {@code v}'s date, tracked at {@code pct} with {@code now}'s counts. */
  void flag(CoverageValidated v, double pct, CoverageCounts.Snapshot now) {
    Remedies remedies = new Remedies(v.analysisDate(), reprocessTopic);
    if (v.verdict() == Verdict.ERROR) {
      record(
          v,
          DATE_LEVEL,
          FailureCategory.VALIDATION_ERROR,
          v.analysisDate()
              + ": coverage could not be validated ("
              + v.reason()
              + "). Check the warehouse, then reprocess: "
              + remedies.reprocess());
      return;
    }
    boolean recorded = flagInputs(v, now, remedies);
    if (now.features().criticalShortfall()) {
      featureShortfall(v, now.features().text(), "a critical feature is below its threshold");
      recorded = true;
    }
    boolean playersShort =
        Coverage.below(v.actualPlayers(), v.expectedPlayers(), thresholds.coverageFailPct());
    if (!recorded && !playersShort && v.featureReport() != null) {
      // The verdict's own finding, which the warehouse no longer shows: keep it as reported.
      featureShortfall(v, v.featureReport(), "validation failed the date");
      return;
    }
    if (!recorded || playersShort) {
      playersMissing(v, pct, now, remedies);
    }
  }

  /** The commands that reprocess or heal a date, locally and in the cloud. */
  private record Remedies(LocalDate date, String topic) {
    private String cloud() {
      return " (cloud: gcloud pubsub topics publish "
          + topic
          + " --message '{\"analysis_date\":\""
          + date
          + "\",\"backfill_mode\":true}')";
    }

    String reprocess() {
      return "./pipeline reprocess " + date + cloud();
    }

    String heal() {
      return "./pipeline heal " + date + " " + date + cloud();
    }
  }

  /** One failure per critical input short, naming its table; whether any was. */
  private boolean flagInputs(CoverageValidated v, CoverageCounts.Snapshot now, Remedies remedies) {
    boolean recorded = false;
    for (InputReport.Shortfall shortfall : now.inputs().critical()) {
      DateInput input = shortfall.input();
      record(
          v,
          input.table().name(),
          input.category(),
          v.analysisDate()
              + ": "
              + shortfall.describe()
              + "."
              + remedy(input, v.analysisDate(), remedies));
      recorded = true;
    }
    return recorded;
  }

  private static String remedy(DateInput input, LocalDate date, Remedies remedies) {
    if (input.category() == FailureCategory.UPSTREAM_NOT_READY) {
      return " The box scores are not in yet: run (or wait for) the box-score processors for "
          + date
          + "; the daily sweep finishes the date once they land, or heal it then: "
          + remedies.heal();
    }
    return input == DateInput.FACTOR_COMPLETENESS
        ? " The rows were computed without some inputs: once they are in place, heal: "
            + remedies.heal()
        : " Backfill "
            + input.table().name()
            + " for "
            + date
            + " (backfill these tables together), then heal: "
            + remedies.heal();
  }

  /**
   * A date whose rows were computed from inputs restated since: one failure per restatement (the
   * same one seen by the next sweep is not recorded again), naming each table and partitions, with
   * the command that heals it.
   */
  void restated(CoverageValidated v, List<String> changes) {
    String what = String.join("; ", changes);
    failures.record(
        FunctionName.METADATA_TRACKING,
        v.runId(),
        v.analysisDate(),
        DATE_LEVEL,
        FailureCategory.INPUT_RESTATED,
        v.analysisDate()
            + ": computed from inputs restated since: "
            + what
            + ". Its rows are stale; heal it: "
            + new Remedies(v.analysisDate(), reprocessTopic).heal(),
        true,
        what);
  }

  private void featureShortfall(CoverageValidated v, String features, String what) {
    record(
        v,
        DATE_LEVEL,
        FailureCategory.CRITICAL_FEATURE_SHORTFALL,
        v.analysisDate()
            + ": "
            + what
            + " ("
            + features
            + "). Fix the source data, then reprocess: "
            + new Remedies(v.analysisDate(), reprocessTopic).reprocess());
  }

  private void playersMissing(
      CoverageValidated v, double pct, CoverageCounts.Snapshot now, Remedies remedies) {
    record(
        v,
        DATE_LEVEL,
        FailureCategory.INCOMPLETE_COVERAGE,
        v.actualPlayers() == 0
            ? String.format(
                "%s: a game date with no composite factors at all (never processed, or cut off):"
                    + " 0 of %d players. Process it: %s",
                v.analysisDate(), v.expectedPlayers(), remedies.reprocess())
            : String.format(
                "%s: only %d of %d players have composite factors (%.2f%%), %d missing.%s"
                    + " Reprocess: %s",
                v.analysisDate(),
                v.actualPlayers(),
                v.expectedPlayers(),
                pct,
                v.expectedPlayers() - v.actualPlayers(),
                shortContext(v, now),
                remedies.reprocess()));
  }

  /**
   * When the rows came from an upcoming context short of players, names it: its writer must run
   * again for the date to be computed from it; the reprocess falls back meanwhile.
   */
  private String shortContext(CoverageValidated v, CoverageCounts.Snapshot now) {
    if (v.dataSource() != DataSource.UPCG
        || !Coverage.below(now.upcomingPlayed(), v.expectedPlayers(), thresholds.fallbackPct())) {
      return "";
    }
    return String.format(
        " The rows came from %s, which has %d of the %d players who played: re-run its processor"
            + " for %s;"
            + " the reprocess computes the date from a synthetic context meanwhile, and the daily"
            + " sweep (AUTO_HEAL) recomputes it from the upcoming context once that covers it.",
        Tables.UPCOMING_PLAYER_GAME_CONTEXT.name(),
        now.upcomingPlayed(),
        v.expectedPlayers(),
        v.analysisDate());
  }

  private void record(CoverageValidated v, String entity, FailureCategory category, String reason) {
    failures.record(
        FunctionName.METADATA_TRACKING,
        v.runId(),
        v.analysisDate(),
        entity,
        category,
        reason,
        true,
        v.runId());
  }
}
