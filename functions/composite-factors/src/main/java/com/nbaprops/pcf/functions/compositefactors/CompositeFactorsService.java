package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Thresholds;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.domain.SourceDecision;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.ChunkRequest;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.rules.FallbackPolicy;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.runtime.TopicPublisher;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes one date: bootstrap check, choice of player source, the factors for every player, then
 * one atomic replacement of the date's rows and a {@code composite-factors-computed} message.
 * Running a date twice leaves one copy of its rows.
 */
final class CompositeFactorsService {
  private final Warehouse warehouse;
  private final PlayerSources sources;
  private final LineageRecorder lineage;
  private final UpToDate upToDate;
  private final FallbackPolicy fallback;
  private final SeasonCalendar calendar;
  private final FailureRecorder failures;
  private final TopicPublisher publisher;
  private final LeagueClock clock;
  private final StructuredLog log;

  CompositeFactorsService(
      Warehouse warehouse,
      PlayerSources sources,
      LineageRecorder lineage,
      UpToDate upToDate,
      Thresholds thresholds,
      FailureRecorder failures,
      TopicPublisher publisher,
      LeagueClock clock,
      StructuredLog log) {
    this.warehouse = warehouse;
    this.sources = sources;
    this.lineage = lineage;
    this.upToDate = upToDate;
    this.fallback = new FallbackPolicy(thresholds.fallbackPct());
    this.calendar = new SeasonCalendar(thresholds.bootstrapDays());
    this.failures = failures;
    this.publisher = publisher;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Computes the request's date; the daily run leaves a date alone that is COMPLETE with its
   * current inputs (computed when they landed), and publishes nothing for it.
   */
  void process(DateRequest request) {
    LocalDate date = request.analysisDate();
    StructuredLog dateLog = log.with("run_id", request.runId()).with("analysis_date", date);
    if (request.daily() && upToDate.holds(date)) {
      dateLog.info(date + " is COMPLETE with its current inputs: the daily run leaves it as it is");
      return;
    }
    LineageRecorder.Taken before =
        calendar.isBootstrap(date) ? null : lineage.before(new DateRange(date, date));
    Computed computed =
        compute(
            request,
            withSynthetic -> {
              if (withSynthetic) {
                before.beforeSeasonRead();
              }
              return sources.read(date, withSynthetic);
            },
            dateLog);
    if (computed.rows() != null) {
      warehouse.replacePartition(Tables.PLAYER_COMPOSITE_FACTORS, date, computed.rows());
      // After the rows: a fault between the two leaves the older lineage, which the sweep then
      // finds restated and recomputes; the other way round would hide a stale date.
      lineage.record(
          before,
          Map.of(date, computed.outcome().dataSource()),
          computed.rows(),
          request.runId(),
          dateLog);
      dateLog.info(
          "wrote "
              + computed.rows().size()
              + " players for "
              + date
              + " from "
              + computed.outcome().dataSource());
    }
    publisher.publish(
        Topic.COMPOSITE_FACTORS_COMPUTED,
        computed.outcome().toJson(),
        Attributes.of(request.runId(), date));
  }

  /**
   * A chunk of dates: its inputs in one read (a second for the dates that fall back), each date
   * decided and computed as {@link #process} would alone, every computed date written in one atomic
   * step, one message with every outcome. A date whose computation fails (not the warehouse: a
   * fault of its own) is split off and requested alone, so its retries and dead letter are its own
   * and the rest of the chunk is written; a warehouse fault fails the whole chunk, which is
   * redelivered and leaves every date as it was.
   */
  List<FactorsComputed> processChunk(ChunkRequest chunk) {
    StructuredLog chunkLog = log.with("run_id", chunk.runId());
    List<LocalDate> dates = chunk.dates();
    DateRange span = new DateRange(dates.get(0), dates.get(dates.size() - 1));
    LineageRecorder.Taken before = lineage.before(span);
    Optional<ChunkInputs> read = read(chunk, span, before, chunkLog);
    if (read.isEmpty()) {
      return List.of();
    }
    Map<LocalDate, DateInputs> plain = read.get().plain();
    Map<LocalDate, DateInputs> synthetic = read.get().synthetic();
    List<FactorsComputed> outcomes = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Map<LocalDate, DataSource> written = new TreeMap<>();
    for (LocalDate date : dates) {
      DateRequest request = chunk.alone(date);
      try {
        Computed computed =
            compute(
                request,
                withSynthetic ->
                    (withSynthetic ? synthetic : plain).getOrDefault(date, DateInputs.none(date)),
                chunkLog.with("analysis_date", date));
        outcomes.add(computed.outcome());
        if (computed.rows() != null) {
          rows.addAll(computed.rows());
          written.put(date, computed.outcome().dataSource());
        }
      } catch (WarehouseException e) {
        throw e;
      } catch (RuntimeException e) {
        chunkLog
            .with("analysis_date", date)
            .error("split off from its chunk, requested alone: " + e.getMessage(), e);
        requestAlone(chunk, date);
      }
    }
    if (!written.isEmpty()) {
      warehouse.replacePartitions(Tables.PLAYER_COMPOSITE_FACTORS, rows);
      lineage.record(before, written, rows, chunk.runId(), chunkLog);
    }
    if (!outcomes.isEmpty()) {
      DateChunk<FactorsComputed> message = DateChunk.OUTCOMES.of(chunk.runId(), outcomes);
      publisher.publish(
          Topic.COMPOSITE_FACTORS_COMPUTED,
          message.toJson(),
          Attributes.ofChunk(chunk.runId(), message.dates()));
    }
    chunkLog.info(
        "chunk "
            + span
            + ": "
            + outcomes.size()
            + " of "
            + dates.size()
            + " dates processed, "
            + rows.size()
            + " player rows written in one step");
    return outcomes;
  }

  /** A chunk's inputs: without the synthetic context, and with it for the dates that fall back. */
  private record ChunkInputs(
      Map<LocalDate, DateInputs> plain, Map<LocalDate, DateInputs> synthetic) {}

  /**
   * The chunk's inputs in one read (one more for the dates that fall back); empty when they cannot
   * be read as inputs, the chunk's dates then requested alone. A warehouse fault is thrown.
   */
  private Optional<ChunkInputs> read(
      ChunkRequest chunk, DateRange span, LineageRecorder.Taken before, StructuredLog chunkLog) {
    try {
      Map<LocalDate, DateInputs> plain = sources.read(span, false);
      List<LocalDate> fallingBack = fallingBack(chunk.dates(), plain);
      if (!fallingBack.isEmpty()) {
        before.beforeSeasonRead();
      }
      Map<LocalDate, DateInputs> synthetic =
          fallingBack.isEmpty()
              ? Map.of()
              : sources.read(
                  new DateRange(fallingBack.get(0), fallingBack.get(fallingBack.size() - 1)), true);
      return Optional.of(new ChunkInputs(plain, synthetic));
    } catch (WarehouseException e) {
      throw e;
    } catch (RuntimeException e) {
      // Rows that cannot be read as inputs: one date's, most likely. Each date alone finds which,
      // and only that one fails its retries and is dead-lettered.
      chunkLog.error(
          "the inputs of chunk " + span + " cannot be read; its dates are requested alone", e);
      chunk.dates().forEach(date -> requestAlone(chunk, date));
      return Optional.empty();
    }
  }

  /** The dates whose upcoming context is short enough that backfill mode falls back. */
  private List<LocalDate> fallingBack(List<LocalDate> dates, Map<LocalDate, DateInputs> plain) {
    return dates.stream()
        .filter(date -> !calendar.isBootstrap(date))
        .filter(
            date ->
                plain
                        .getOrDefault(date, DateInputs.none(date))
                        .choose(fallback, true)
                        .decision()
                        .source()
                    == DataSource.SYNTHETIC)
        .toList();
  }

  private void requestAlone(ChunkRequest chunk, LocalDate date) {
    publisher.publish(
        Topic.COMPOSITE_FACTORS_REQUESTS,
        chunk.alone(date).toJson(),
        Attributes.of(chunk.runId(), date));
  }

  /** A date's outcome, and the rows to write: null when nothing is written. */
  private record Computed(FactorsComputed outcome, List<Row> rows) {}

  private Computed compute(
      DateRequest request, Function<Boolean, DateInputs> inputsOf, StructuredLog log) {
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
      return nothing(outcome(request, FactorsComputed.Status.SKIPPED_BOOTSTRAP, null, 0, 0, 0));
    }
    // The synthetic context is read only for a date that falls back: building it costs more
    // than the rest of the date's inputs together, and most dates never use it.
    DateInputs inputs = inputsOf.apply(false);
    DateInputs.Choice choice = inputs.choose(fallback, request.backfillMode());
    if (choice.decision().source() == DataSource.SYNTHETIC) {
      inputs = inputsOf.apply(true);
      choice = inputs.choose(fallback, request.backfillMode());
    }
    int expected = inputs.expectedPlayers();
    SourceDecision decision = choice.decision();
    logDecision(log, decision);
    if (choice.players().isEmpty() && expected > 0) {
      return noInput(request, decision, expected, log);
    }
    List<Row> rows = inputs.rows(choice, request.runId(), clock.now());
    Optional<String> worse =
        request.force() ? Optional.empty() : inputs.worseThanStored(choice, rows);
    if (worse.isPresent()) {
      return refused(request, decision, expected, worse.get(), log);
    }
    return new Computed(
        outcome(
            request,
            FactorsComputed.Status.COMPUTED,
            decision.source(),
            decision.upcgPlayers(),
            expected,
            rows.size()),
        rows);
  }

  /** No player context at all: the stored rows are kept, and the date is flagged. */
  private Computed noInput(
      DateRequest request, SourceDecision decision, int expected, StructuredLog log) {
    LocalDate date = request.analysisDate();
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
    return nothing(
        outcome(
            request, FactorsComputed.Status.NO_INPUT, null, decision.upcgPlayers(), expected, 0));
  }

  /** A rerun that would make the date worse: refused, the stored rows kept (never a date worse). */
  private Computed refused(
      DateRequest request, SourceDecision decision, int expected, String worse, StructuredLog log) {
    LocalDate date = request.analysisDate();
    String reason =
        "rerun of "
            + date
            + " refused, the stored rows were kept: "
            + worse
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
    return nothing(
        outcome(
            request,
            FactorsComputed.Status.KEPT_STORED,
            decision.source(),
            decision.upcgPlayers(),
            expected,
            0));
  }

  private static Computed nothing(FactorsComputed outcome) {
    return new Computed(outcome, null);
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
