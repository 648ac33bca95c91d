package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Thresholds;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.LineageLog;
import com.nbaprops.pcf.query.Staleness;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one current metadata row per date (re-tracking replaces it), flags incomplete dates in the
 * failures table with what to do, resolves those flags once the date is complete, and raises a
 * structured alert ({@code alert=coverage}) for LOW and INCOMPLETE dates.
 */
final class MetadataTrackingService {
  private final Warehouse warehouse;
  private final CoverageCounts counts;
  private final Staleness staleness;
  private final LineageLog lineage;
  private final Thresholds thresholds;
  private final SeasonCalendar calendar;

  /** The resolution of a date's open data failures. */
  private final String resolveDateFailures;

  private final FailureFlags flags;
  private final AutoHeal autoHeal;
  private final LeagueClock clock;
  private final StructuredLog log;

  MetadataTrackingService(
      Warehouse warehouse,
      PipelineConfig config,
      TrackingReads reads,
      FailureRecorder failures,
      DateRequests requests,
      LeagueClock clock,
      StructuredLog log) {
    this.warehouse = warehouse;
    this.counts = reads.counts();
    this.staleness = reads.staleness();
    this.lineage = new LineageLog(warehouse, config.catalog());
    this.thresholds = config.thresholds();
    this.calendar = new SeasonCalendar(thresholds.bootstrapDays());
    this.resolveDateFailures = resolveDateFailures(config.catalog());
    this.flags =
        new FailureFlags(failures, thresholds, config.topic(Topic.COMPOSITE_FACTORS_REQUESTS));
    this.autoHeal =
        AutoHeal.of(config.autoHeal(), warehouse, config.catalog(), requests, clock, log);
    this.clock = clock;
    this.log = log;
  }

  private static String resolveDateFailures(Catalog catalog) {
    return catalog
        .template(
            "UPDATE {precompute_failures}"
                + " SET resolution_status = 'RESOLVED', resolved_at = @resolved_at,"
                + " failure_reason = CASE WHEN failure_category = 'INPUT_RESTATED'"
                + " THEN CONCAT(COALESCE(failure_reason, ''), @recomputed) ELSE failure_reason END"
                + " WHERE analysis_date = @analysis_date AND resolution_status = 'UNRESOLVED'"
                + " AND failure_category IN ({date_data})")
        .with("date_data", FailureCategory.sqlList(FailureCategory.DATE_DATA))
        .render();
  }

  /**
   * Tracks a validated date. The message says which date and what validation concluded; the counts,
   * the source and the status come from the warehouse as it is now, so a replayed or forged message
   * cannot write a state the tables contradict. Failures are always flagged.
   */
  CoverageStatus track(CoverageValidated message) {
    LocalDate date = message.analysisDate();
    CoverageCounts.Snapshot now = counts.snapshot(date);
    // Checked here too: a recompute refused as worse wrote no lineage, and must not turn a STALE
    // date COMPLETE because its counts are fine. Rows this run wrote were printed as it read them.
    Staleness.Check check =
        staleness
            .checkAfter(new DateRange(date, date), Map.of(date, message.runId()))
            .getOrDefault(date, NOT_CHECKED);
    return track(checked(message, now), true, now, check);
  }

  /**
   * Tracks every date of a validated chunk as {@link #track(CoverageValidated)} tracks one: the
   * chunk's counts in one query, its metadata rows in one write.
   */
  List<CoverageStatus> trackChunk(DateChunk<CoverageValidated> chunk) {
    List<LocalDate> dates =
        chunk.items().stream().map(CoverageValidated::analysisDate).sorted().toList();
    DateRange span = new DateRange(dates.get(0), dates.get(dates.size() - 1));
    Map<LocalDate, CoverageCounts.Snapshot> snapshots = counts.snapshots(span);
    Map<LocalDate, String> computedBy = new HashMap<>();
    chunk.items().forEach(verdict -> computedBy.put(verdict.analysisDate(), verdict.runId()));
    Map<LocalDate, Staleness.Check> checks = staleness.checkAfter(span, computedBy);
    List<Pending> pending = new ArrayList<>();
    for (CoverageValidated verdict : chunk.items()) {
      CoverageCounts.Snapshot now = snapshots.get(verdict.analysisDate());
      pending.add(
          decide(
              checked(verdict, now),
              true,
              now,
              checks.getOrDefault(verdict.analysisDate(), NOT_CHECKED)));
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
    return sweep(request, true);
  }

  /**
   * Re-checks the dates of {@code range} as the sweep does, failures flagged, without asking for
   * any heal: the caller requests what it needs.
   */
  List<CoverageStatus> retrack(DateRange range, String runId) {
    return sweep(new SweepRequest(range, true, runId), false);
  }

  private List<CoverageStatus> sweep(SweepRequest request, boolean heal) {
    List<Pending> pending = new ArrayList<>();
    // Whether each date's rows still match its inputs: two queries for the whole range.
    Map<LocalDate, Staleness.Check> checks = staleness.check(request.range());
    counts
        .snapshots(request.range())
        .forEach(
            (date, now) -> {
              if (!now.offDay()) {
                pending.add(swept(request, date, now, checks.getOrDefault(date, NOT_CHECKED)));
              }
            });
    // Every date's row in one write (one load, or a staged transaction), then each date's
    // consequences: logs, resolutions, failures, heals.
    write(pending);
    List<CoverageStatus> statuses = new ArrayList<>();
    for (Pending date : pending) {
      CoverageStatus status = settle(date);
      boolean bootstrap = date.verdict().verdict() == Verdict.SKIPPED;
      if (heal && !bootstrap) {
        autoHeal.considerRequest(
            date.verdict().analysisDate(), request.runId(), status, date.now());
      }
      statuses.add(status);
    }
    return statuses;
  }

  /**
   * A game date as the tables have it now: skipped in the bootstrap window if nothing was written.
   */
  private Pending swept(
      SweepRequest request, LocalDate date, CoverageCounts.Snapshot now, Staleness.Check check) {
    CoverageCounts.Written written = now.written();
    if (written.players() == 0 && calendar.isBootstrap(date)) {
      return decide(
          new CoverageValidated(
              request.runId(),
              date,
              Verdict.SKIPPED,
              now.expected(),
              0,
              null,
              null,
              "bootstrap day: not computed on purpose"),
          false,
          now,
          check);
    }
    return decide(
        new CoverageValidated(
            request.runId(),
            date,
            now.verdict(thresholds.coverageGate()),
            now.expected(),
            written.players(),
            written.dataSource(),
            CoverageCounts.problems(now.features(), now.inputs()),
            "metadata sweep"),
        request.flagIncomplete(),
        now,
        check);
  }

  private static Verdict worse(Verdict a, Verdict b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** What a date not checked for restated inputs is taken as: current. */
  private static final Staleness.Check NOT_CHECKED =
      new Staleness.Check(List.of(), Optional.empty());

  /** A date's metadata row, decided and not yet written, with what settles it once it is. */
  private record Pending(
      CoverageValidated verdict,
      boolean flagFailures,
      CoverageCounts.Snapshot now,
      Staleness.Check check,
      CoverageStatus status,
      double pct,
      Row row) {}

  /**
   * Writes the date's metadata row; a COMPLETE date resolves its {@code openFailures} open data
   * failures (none open, no statement).
   */
  private CoverageStatus track(
      CoverageValidated v,
      boolean flagFailures,
      CoverageCounts.Snapshot now,
      Staleness.Check check) {
    Pending date = decide(v, flagFailures, now, check);
    write(List.of(date));
    return settle(date);
  }

  private Pending decide(
      CoverageValidated v,
      boolean flagFailures,
      CoverageCounts.Snapshot now,
      Staleness.Check check) {
    LocalDate date = v.analysisDate();
    CoverageStatus status = status(v, now, check);
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
    return new Pending(v, flagFailures, now, check, status, pct, row);
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
    LocalDate date = v.analysisDate();
    // status and coverage_pct as labels: the dashboard's log-based metric counts dates by status.
    StructuredLog log =
        this.log
            .with("run_id", v.runId())
            .with("analysis_date", date)
            .with("status", status.name())
            .with("coverage_pct", String.format(Locale.ROOT, "%.2f", pending.pct()));
    String summary =
        String.format(
            "%s %s: %d of %d players (%.2f%%), verdict %s",
            date, status, v.actualPlayers(), v.expectedPlayers(), pending.pct(), v.verdict());
    switch (status) {
      case COMPLETE, SKIPPED, OFF_DAY -> {
        log.info(summary);
        if (status != CoverageStatus.SKIPPED && now.openFailures() > 0) {
          resolve(date);
        }
      }
      case STALE -> {
        String restated = String.join("; ", pending.check().restated());
        log.with("alert", "stale")
            .log(Severity.ERROR, summary + ": inputs restated since: " + restated);
        // Always recorded, flagging asked for or not: a restatement is news no count shows.
        flags.restated(v, pending.check().restated());
      }
      case LOW -> log.with("alert", "coverage").log(Severity.WARNING, summary);
      case INCOMPLETE -> {
        String why = v.reason() + (v.featureReport() == null ? "" : "; " + v.featureReport());
        log.with("alert", "coverage").log(Severity.ERROR, summary + " (" + why + ")");
        if (pending.flagFailures()) {
          flags.flag(v, pending.pct(), now);
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
  private CoverageStatus status(
      CoverageValidated v, CoverageCounts.Snapshot now, Staleness.Check check) {
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
    CoverageStatus counted =
        CoverageStatus.of(v.actualPlayers(), v.expectedPlayers(), thresholds.coverageFailPct());
    // Complete counts from inputs that changed since are not complete: the values are old.
    return counted != CoverageStatus.INCOMPLETE && check.stale() ? CoverageStatus.STALE : counted;
  }

  /**
   * Resolves the date's open data failures; a restated-input failure says what the recompute
   * changed (the date's last two computations, one query).
   */
  private void resolve(LocalDate date) {
    String recomputed =
        Optional.ofNullable(lineage.latest(new DateRange(date, date)).get(date))
            .filter(computed -> !computed.unrecorded() && computed.previous() != null)
            .map(
                computed ->
                    " Resolved: recomputed, "
                        + computed.digest().changesSince(computed.previous())
                        + ".")
            .orElse(" Resolved: recomputed.");
    warehouse.execute(
        Sql.of(resolveDateFailures)
            .timestamp("resolved_at", clock.now())
            .string("recomputed", recomputed)
            .date("analysis_date", date));
  }
}
