package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Thresholds;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.message.ValidatedChunk;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.InputReport;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.TopicPublisher;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one current metadata row per date (re-tracking replaces it), flags incomplete dates in the
 * failures table with what to do, resolves those flags once the date is complete, and raises a
 * structured alert ({@code alert=coverage}) for LOW and INCOMPLETE dates.
 */
final class MetadataTrackingService {
  private static final String HEAL_ENTITY = "AUTO_HEAL";

  private final Warehouse warehouse;
  private final CoverageCounts counts;
  private final FailureRecorder failures;
  private final Thresholds thresholds;
  private final SeasonCalendar calendar;

  /** The failures' lookup of a heal requested today. */
  private final String healRequests;

  /** The resolution of a date's open data failures. */
  private final String resolveDateFailures;

  private final String reprocessTopic;
  private final LeagueClock clock;
  private final TopicPublisher publisher;
  private final boolean autoHeal;
  private final StructuredLog log;

  MetadataTrackingService(
      Warehouse warehouse,
      PipelineConfig config,
      FailureRecorder failures,
      TopicPublisher publisher,
      LeagueClock clock,
      StructuredLog log) {
    this.warehouse = warehouse;
    this.counts =
        new CoverageCounts(
            warehouse, config.catalog(), config.featureThresholds(), config.inputThresholds());
    this.failures = failures;
    this.thresholds = config.thresholds();
    this.calendar = new SeasonCalendar(thresholds.bootstrapDays());
    this.healRequests =
        config
            .catalog()
            .template(
                "SELECT COUNT(*) AS requests FROM {precompute_failures}"
                    + " WHERE analysis_date = @analysis_date AND entity_id = @entity_id"
                    + " AND failure_category = @category AND created_at >= @since")
            .render();
    this.resolveDateFailures =
        config
            .catalog()
            .template(
                "UPDATE {precompute_failures}"
                    + " SET resolution_status = 'RESOLVED', resolved_at = @resolved_at"
                    + " WHERE analysis_date = @analysis_date AND resolution_status = 'UNRESOLVED'"
                    + " AND failure_category IN ({date_data})")
            .with("date_data", FailureCategory.sqlList(FailureCategory.DATE_DATA))
            .render();
    this.reprocessTopic = config.topic(Topic.COMPOSITE_FACTORS_REQUESTS);
    this.clock = clock;
    this.publisher = publisher;
    this.autoHeal = config.autoHeal();
    this.log = log;
  }

  /**
   * Tracks a validated date. The message says which date and what validation concluded; the counts,
   * the source and the status come from the warehouse as it is now, so a replayed or forged message
   * cannot write a state the tables contradict. Failures are always flagged.
   */
  CoverageStatus track(CoverageValidated message) {
    CoverageCounts.Snapshot now = counts.snapshot(message.analysisDate());
    return track(checked(message, now), true, now);
  }

  /**
   * Tracks every date of a validated chunk as {@link #track(CoverageValidated)} tracks one: the
   * chunk's counts in one query, its metadata rows in one write.
   */
  List<CoverageStatus> trackChunk(ValidatedChunk chunk) {
    List<LocalDate> dates =
        chunk.verdicts().stream().map(CoverageValidated::analysisDate).sorted().toList();
    Map<LocalDate, CoverageCounts.Snapshot> snapshots =
        counts.snapshots(new DateRange(dates.get(0), dates.get(dates.size() - 1)));
    List<Pending> pending = new ArrayList<>();
    for (CoverageValidated verdict : chunk.verdicts()) {
      CoverageCounts.Snapshot now = snapshots.get(verdict.analysisDate());
      pending.add(decide(checked(verdict, now), true, now));
    }
    write(pending);
    return pending.stream().map(this::settle).toList();
  }

  /**
   * The message's date as the warehouse has it now: its counts, source and features; a passing
   * verdict must still hold for them.
   */
  private CoverageValidated checked(CoverageValidated message, CoverageCounts.Snapshot now) {
    LocalDate date = message.analysisDate();
    int expected = now.expected();
    CoverageCounts.Written written = now.written();
    if (expected != message.expectedPlayers() || written.players() != message.actualPlayers()) {
      log.with("run_id", message.runId())
          .with("analysis_date", date)
          .warning(
              String.format(
                  "the message says %d of %d players; the warehouse has %d of %d: tracking the"
                      + " warehouse's",
                  message.actualPlayers(), message.expectedPlayers(), written.players(), expected));
    }
    Verdict verdict = message.verdict();
    if (verdict == Verdict.PASS || verdict == Verdict.WARN) {
      // A passing verdict must still hold for what the warehouse has now: its players and inputs.
      verdict = worse(verdict, now.verdict(thresholds.coverageGate()));
    }
    return new CoverageValidated(
        message.runId(),
        date,
        verdict,
        expected,
        written.players(),
        written.dataSource(),
        Optional.ofNullable(CoverageCounts.problems(now.features(), now.inputs()))
            .orElse(message.featureReport()),
        message.reason());
  }

  /**
   * Re-checks every date of the range that had games, straight from the tables: counts and the
   * critical features both. Returns the statuses.
   */
  List<CoverageStatus> sweep(SweepRequest request) {
    List<Pending> pending = new ArrayList<>();
    for (var dated : counts.snapshots(request.range()).entrySet()) {
      LocalDate date = dated.getKey();
      CoverageCounts.Snapshot now = dated.getValue();
      int expected = now.expected();
      if (now.offDay()) {
        continue;
      }
      CoverageCounts.Written written = now.written();
      if (written.players() == 0 && calendar.isBootstrap(date)) {
        pending.add(
            decide(
                new CoverageValidated(
                    request.runId(),
                    date,
                    Verdict.SKIPPED,
                    expected,
                    0,
                    null,
                    null,
                    "bootstrap day: not computed on purpose"),
                false,
                now));
        continue;
      }
      pending.add(
          decide(
              new CoverageValidated(
                  request.runId(),
                  date,
                  now.verdict(thresholds.coverageGate()),
                  expected,
                  written.players(),
                  written.dataSource(),
                  CoverageCounts.problems(now.features(), now.inputs()),
                  "metadata sweep"),
              request.flagIncomplete(),
              now));
    }
    // Every date's row in one write (one load, or a staged transaction), then each date's
    // consequences: logs, resolutions, failures, heals.
    write(pending);
    List<CoverageStatus> statuses = new ArrayList<>();
    for (Pending date : pending) {
      CoverageStatus status = settle(date);
      boolean bootstrap = date.verdict().verdict() == Verdict.SKIPPED;
      if (!bootstrap && autoHeal && status == CoverageStatus.INCOMPLETE) {
        requestHeal(date.verdict().analysisDate(), request.runId(), "still INCOMPLETE");
      } else if (!bootstrap
          && autoHeal
          && status == CoverageStatus.COMPLETE
          && stopGapReplaceable(date.now())) {
        requestHeal(
            date.verdict().analysisDate(),
            request.runId(),
            "computed from a synthetic context while the upcoming context now has "
                + date.now().upcomingPlayed()
                + " of "
                + date.now().expected()
                + " players");
      }
      statuses.add(status);
    }
    return statuses;
  }

  /**
   * Whether the date's rows came from the synthetic stand-in while the upcoming context now has
   * every player who played: its writer was re-run after a crash left it partial. The synthetic
   * context lacks what only the upcoming one knows (projected usage, teammates out), so the date is
   * recomputed from the real one. A context short of even one player is left alone: the rerun would
   * cover fewer players than the stand-in and be refused, every day. A context the cleanup has
   * deleted never qualifies.
   */
  private static boolean stopGapReplaceable(CoverageCounts.Snapshot now) {
    return now.written().dataSource() == DataSource.SYNTHETIC
        && now.expected() > 0
        && now.upcomingPlayed() >= now.expected();
  }

  /**
   * Asks composite-factors to reprocess {@code date} in backfill mode, at most once a day: a date
   * still INCOMPLETE after that is left to an operator, with the alert the sweep raises anyway.
   * Published before it is recorded, so a failure in between repeats the request, never loses it.
   */
  private void requestHeal(LocalDate date, String runId, String why) {
    StructuredLog log = this.log.with("run_id", runId).with("analysis_date", date);
    if (healRequestedToday(date)) {
      log.warning("auto-heal: already requested today and " + why + "; left to an operator");
      return;
    }
    publisher.publish(
        Topic.COMPOSITE_FACTORS_REQUESTS,
        DateRequest.backfill(date, runId).toJson(),
        Attributes.of(runId, date));
    failures.record(
        FunctionName.METADATA_TRACKING,
        runId,
        date,
        HEAL_ENTITY,
        FailureCategory.AUTO_HEAL_REQUESTED,
        date
            + ": the daily sweep requested its reprocessing on "
            + clock.today()
            + " (AUTO_HEAL): "
            + why,
        true,
        clock.today().toString());
    log.info("auto-heal: requested the reprocessing of " + date + ": " + why);
  }

  private boolean healRequestedToday(LocalDate date) {
    return warehouse
            .query(
                Sql.of(healRequests)
                    .date("analysis_date", date)
                    .string("entity_id", HEAL_ENTITY)
                    .string("category", FailureCategory.AUTO_HEAL_REQUESTED.name())
                    .timestamp("since", clock.startOfToday()))
            .get(0)
            .int64("requests")
        > 0;
  }

  private static Verdict worse(Verdict a, Verdict b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** A date's metadata row, decided and not yet written, with what settles it once it is. */
  private record Pending(
      CoverageValidated verdict,
      boolean flagFailures,
      CoverageCounts.Snapshot now,
      CoverageStatus status,
      double pct,
      Row row) {}

  /**
   * Writes the date's metadata row; a COMPLETE date resolves its {@code openFailures} open data
   * failures (none open, no statement).
   */
  private CoverageStatus track(
      CoverageValidated v, boolean flagFailures, CoverageCounts.Snapshot now) {
    Pending date = decide(v, flagFailures, now);
    write(List.of(date));
    return settle(date);
  }

  private Pending decide(CoverageValidated v, boolean flagFailures, CoverageCounts.Snapshot now) {
    LocalDate date = v.analysisDate();
    CoverageStatus status = status(v, now);
    double pct = Coverage.round(Coverage.percent(v.actualPlayers(), v.expectedPlayers()), 2);
    Row row =
        Row.builder()
            .set("analysis_date", date)
            .set("expected_players", (long) v.expectedPlayers())
            .set("actual_players", (long) v.actualPlayers())
            .set("coverage_pct", pct)
            .set("status", status.name())
            .set("data_source", v.dataSource() == null ? null : v.dataSource().name())
            .set("verdict", v.verdict().name())
            .set("feature_report", v.featureReport())
            .set("run_id", v.runId())
            .set("tracked_at", clock.now())
            .build();
    return new Pending(v, flagFailures, now, status, pct, row);
  }

  /** The dates' metadata rows in one atomic write: every date's or none. */
  private void write(List<Pending> dates) {
    if (dates.size() == 1) {
      Pending date = dates.get(0);
      warehouse.replacePartition(
          Tables.BACKFILL_PROCESSING_METADATA, date.verdict().analysisDate(), List.of(date.row()));
    } else if (!dates.isEmpty()) {
      warehouse.replacePartitions(
          Tables.BACKFILL_PROCESSING_METADATA, dates.stream().map(Pending::row).toList());
    }
  }

  /** Once its row is written: the date's log line, resolved failures, or recorded ones. */
  private CoverageStatus settle(Pending pending) {
    CoverageValidated v = pending.verdict();
    CoverageCounts.Snapshot now = pending.now();
    CoverageStatus status = pending.status();
    double pct = pending.pct();
    LocalDate date = v.analysisDate();
    StructuredLog log = this.log.with("run_id", v.runId()).with("analysis_date", date);
    String summary =
        String.format(
            "%s %s: %d of %d players (%.2f%%), verdict %s",
            date, status, v.actualPlayers(), v.expectedPlayers(), pct, v.verdict());
    switch (status) {
      case COMPLETE, SKIPPED, OFF_DAY -> {
        log.info(summary);
        if (status != CoverageStatus.SKIPPED && now.openFailures() > 0) {
          resolve(date);
        }
      }
      case LOW -> log.with("alert", "coverage").log(Severity.WARNING, summary);
      case INCOMPLETE -> {
        log.with("alert", "coverage")
            .log(
                Severity.ERROR,
                summary
                    + " ("
                    + v.reason()
                    + (v.featureReport() == null ? "" : "; " + v.featureReport())
                    + ")");
        if (pending.flagFailures()) {
          flag(v, pct, now);
        }
      }
    }
    return status;
  }

  /**
   * FAIL and ERROR are never complete, whatever the counts; a bootstrap day with nothing written is
   * skipped on purpose, a day with no game is an off day; a critical input or feature under its
   * threshold (even when validation was forced) is never complete; otherwise the counts decide.
   */
  private CoverageStatus status(CoverageValidated v, CoverageCounts.Snapshot now) {
    if (v.verdict() == Verdict.ERROR || v.verdict() == Verdict.FAIL) {
      return CoverageStatus.INCOMPLETE;
    }
    if (v.actualPlayers() == 0 && calendar.isBootstrap(v.analysisDate())) {
      return CoverageStatus.SKIPPED;
    }
    if (now.offDay()) {
      return CoverageStatus.OFF_DAY;
    }
    if (now.criticalShortfall()) {
      return CoverageStatus.INCOMPLETE;
    }
    return CoverageStatus.of(v.actualPlayers(), v.expectedPlayers(), thresholds.coverageFailPct());
  }

  /**
   * Records what keeps the date INCOMPLETE, one failure per cause, each with the remedy that fixes
   * it: the upstream table and its missing keys, the players missing, the feature short, or the
   * check that could not run.
   */
  private void flag(CoverageValidated v, double pct, CoverageCounts.Snapshot now) {
    LocalDate date = v.analysisDate();
    String cloud =
        " (cloud: gcloud pubsub topics publish "
            + reprocessTopic
            + " --message '{\"analysis_date\":\""
            + date
            + "\",\"backfill_mode\":true}')";
    String reprocess = "./pipeline reprocess " + date + cloud;
    String heal = "./pipeline heal " + date + " " + date + cloud;
    if (v.verdict() == Verdict.ERROR) {
      record(
          v,
          "DATE_LEVEL",
          FailureCategory.VALIDATION_ERROR,
          date
              + ": coverage could not be validated ("
              + v.reason()
              + "). Check the warehouse, then reprocess: "
              + reprocess);
      return;
    }
    boolean recorded = false;
    for (InputReport.Shortfall shortfall : now.inputs().critical()) {
      DateInput input = shortfall.input();
      String remedy =
          switch (input.category()) {
            case UPSTREAM_NOT_READY ->
                " The box scores are not in yet: run (or wait for) the box-score processors for "
                    + date
                    + "; the daily sweep finishes the date once they land, or heal it then: "
                    + heal;
            default ->
                input == DateInput.FACTOR_COMPLETENESS
                    ? " The rows were computed without some inputs: once they are in place, heal: "
                        + heal
                    : " Backfill "
                        + input.table().name()
                        + " for "
                        + date
                        + " (backfill these tables together), then heal: "
                        + heal;
          };
      record(
          v,
          input.table().name(),
          input.category(),
          date + ": " + shortfall.describe() + "." + remedy);
      recorded = true;
    }
    if (now.features().criticalShortfall()) {
      record(
          v,
          "DATE_LEVEL",
          FailureCategory.CRITICAL_FEATURE_SHORTFALL,
          date
              + ": a critical feature is below its threshold ("
              + now.features().text()
              + "). Fix the source data, then reprocess: "
              + reprocess);
      recorded = true;
    }
    boolean playersShort =
        Coverage.below(v.actualPlayers(), v.expectedPlayers(), thresholds.coverageFailPct());
    if (!recorded && !playersShort && v.featureReport() != null) {
      // The verdict's own finding, which the warehouse no longer shows: keep it as reported.
      record(
          v,
          "DATE_LEVEL",
          FailureCategory.CRITICAL_FEATURE_SHORTFALL,
          date
              + ": validation failed the date ("
              + v.featureReport()
              + "). Fix the source data, then reprocess: "
              + reprocess);
      return;
    }
    if (!recorded || playersShort) {
      record(
          v,
          "DATE_LEVEL",
          FailureCategory.INCOMPLETE_COVERAGE,
          v.actualPlayers() == 0
              ? String.format(
                  "%s: a game date with no composite factors at all (never processed, or cut off):"
                      + " 0 of %d players. Process it: %s",
                  date, v.expectedPlayers(), reprocess)
              : String.format(
                  "%s: only %d of %d players have composite factors (%.2f%%), %d missing.%s"
                      + " Reprocess: %s",
                  date,
                  v.actualPlayers(),
                  v.expectedPlayers(),
                  pct,
                  v.expectedPlayers() - v.actualPlayers(),
                  shortContext(v, now),
                  reprocess));
    }
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

  private void resolve(LocalDate date) {
    warehouse.execute(
        Sql.of(resolveDateFailures)
            .timestamp("resolved_at", clock.now())
            .date("analysis_date", date));
  }
}
