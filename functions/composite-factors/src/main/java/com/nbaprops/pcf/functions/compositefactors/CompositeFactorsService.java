package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Thresholds;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.domain.SourceDecision;
import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.FallbackPolicy;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.TopicPublisher;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Computes one date: bootstrap check, choice of player source, the factors for every player, then
 * one atomic replacement of the date's rows and a {@code composite-factors-computed} message.
 * Running a date twice leaves one copy of its rows.
 */
final class CompositeFactorsService {
  private final Warehouse warehouse;
  private final PlayerSources sources;
  private final FallbackPolicy fallback;
  private final SeasonCalendar calendar;
  private final FailureRecorder failures;
  private final TopicPublisher publisher;
  private final LeagueClock clock;
  private final StructuredLog log;

  CompositeFactorsService(
      Warehouse warehouse,
      PlayerSources sources,
      Thresholds thresholds,
      FailureRecorder failures,
      TopicPublisher publisher,
      LeagueClock clock,
      StructuredLog log) {
    this.warehouse = warehouse;
    this.sources = sources;
    this.fallback = new FallbackPolicy(thresholds.fallbackPct());
    this.calendar = new SeasonCalendar(thresholds.bootstrapDays());
    this.failures = failures;
    this.publisher = publisher;
    this.clock = clock;
    this.log = log;
  }

  FactorsComputed process(DateRequest request) {
    LocalDate date = request.analysisDate();
    FactorsComputed outcome =
        compute(request, log.with("run_id", request.runId()).with("analysis_date", date));
    publisher.publish(
        Topic.COMPOSITE_FACTORS_COMPUTED, outcome.toJson(), Attributes.of(request.runId(), date));
    return outcome;
  }

  private FactorsComputed compute(DateRequest request, StructuredLog log) {
    LocalDate date = request.analysisDate();
    if (calendar.isBootstrap(date)) {
      log.info(
          "skipped: "
              + date
              + " is day "
              + SeasonCalendar.dayOfSeason(date)
              + " of the "
              + SeasonCalendar.seasonYear(date)
              + " season, inside the "
              + calendar.bootstrapDays()
              + "-day bootstrap window");
      return outcome(request, FactorsComputed.Status.SKIPPED_BOOTSTRAP, null, 0, 0, 0);
    }

    // The synthetic context is read only for a date that falls back: building it costs more
    // than the rest of the date's inputs together, and most dates never use it.
    DateInputs inputs = sources.read(date, false);
    DateInputs.Choice choice = inputs.choose(fallback, request.backfillMode());
    if (choice.decision().source() == DataSource.SYNTHETIC) {
      inputs = sources.read(date, true);
      choice = inputs.choose(fallback, request.backfillMode());
    }
    int expected = inputs.expectedPlayers();
    SourceDecision decision = choice.decision();
    logDecision(log, decision);
    List<PlayerContext> players = choice.players();

    if (players.isEmpty() && expected > 0) {
      String reason =
          "no player context for "
              + date
              + " ("
              + decision.reason()
              + "): existing rows were kept. Reprocess with"
              + " backfill mode to rebuild it from player_game_summary: ./pipeline reprocess "
              + date;
      log.error(reason);
      failures.record(
          FunctionName.COMPOSITE_FACTORS,
          request.runId(),
          date,
          "DATE_LEVEL",
          FailureCategory.NO_INPUT,
          reason,
          true,
          request.runId());
      return outcome(
          request, FactorsComputed.Status.NO_INPUT, null, decision.upcgPlayers(), expected, 0);
    }

    List<Row> rows = inputs.rows(choice, request.runId(), clock.now());
    Optional<String> worse =
        request.force() ? Optional.empty() : inputs.worseThanStored(choice, rows);
    if (worse.isPresent()) {
      String reason =
          "rerun of "
              + date
              + " refused, the stored rows were kept: "
              + worse.get()
              + ". If the stored rows are wrong, replace them with force: ./pipeline reprocess "
              + date
              + " --force";
      log.with("alert", "coverage").error(reason);
      failures.record(
          FunctionName.COMPOSITE_FACTORS,
          request.runId(),
          date,
          "DATE_LEVEL",
          FailureCategory.RERUN_REFUSED,
          reason,
          false,
          request.runId());
      return outcome(
          request,
          FactorsComputed.Status.KEPT_STORED,
          decision.source(),
          decision.upcgPlayers(),
          expected,
          0);
    }
    warehouse.replacePartition(Tables.PLAYER_COMPOSITE_FACTORS, date, rows);
    log.info("wrote " + rows.size() + " players for " + date + " from " + decision.source());
    return outcome(
        request,
        FactorsComputed.Status.COMPUTED,
        decision.source(),
        decision.upcgPlayers(),
        expected,
        rows.size());
  }

  private static void logDecision(StructuredLog log, SourceDecision decision) {
    String counts =
        String.format(
            "upcoming_player_game_context %d players, player_game_summary %d players, coverage %.1f%%",
            decision.upcgPlayers(), decision.expectedPlayers(), decision.coveragePct());
    // A fallback that works is not an error: the date is written in full. The partial context
    // upstream is worth a warning; the pre-flight and coverage checks say more if it matters.
    Severity severity = decision.source() == DataSource.UPCG ? Severity.INFO : Severity.WARNING;
    String verdict =
        decision.source() == DataSource.UPCG
            ? "using the upcoming context"
            : decision.upcgPlayers() == 0
                ? "falling back to the synthetic context"
                : "INCOMPLETE upcoming context (stale rows?): falling back to the synthetic context";
    log.log(
        severity, "data source check: " + counts + "; " + verdict + " (" + decision.reason() + ")");
  }

  private static FactorsComputed outcome(
      DateRequest request,
      FactorsComputed.Status status,
      DataSource source,
      int upcoming,
      int expected,
      int written) {
    return new FactorsComputed(
        request.runId(),
        request.analysisDate(),
        status,
        source,
        upcoming,
        expected,
        written,
        request.backfillMode(),
        request.force());
  }
}
