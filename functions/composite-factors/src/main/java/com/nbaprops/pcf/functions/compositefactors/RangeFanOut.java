package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.AllDatesRequest;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.ChunkRequest;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.RangeRequest;
import com.nbaprops.pcf.query.DataRange;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.TopicPublisher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a range request into backfill requests of chunks of game dates (one request per date when a
 * chunk holds one), after the pre-flight check. The children carry the range's run id and force
 * flag. A redelivered range publishes its children again; processing a date is idempotent, so that
 * costs time, not correctness.
 */
final class RangeFanOut {
  /** What happened to a range. */
  record Result(PreflightReport preflight, List<LocalDate> published) {}

  private final PreflightCheck preflight;
  private final Supplier<Optional<DateRange>> dataRange;
  private final int maxRangeDays;
  private final int chunkDays;
  private final FailureRecorder failures;
  private final TopicPublisher publisher;
  private final StructuredLog log;

  RangeFanOut(
      PreflightCheck preflight,
      Supplier<Optional<DateRange>> dataRange,
      int maxRangeDays,
      int chunkDays,
      FailureRecorder failures,
      TopicPublisher publisher,
      StructuredLog log) {
    this.preflight = preflight;
    this.dataRange = dataRange;
    this.maxRangeDays = maxRangeDays;
    this.chunkDays = chunkDays;
    this.failures = failures;
    this.publisher = publisher;
    this.log = log;
  }

  /**
   * The data's full range, as range requests of at most the configured length, published again to
   * this function: each runs its own pre-flight. Returns the ranges.
   */
  List<DateRange> fanOutAll(AllDatesRequest request) {
    StructuredLog log = this.log.with("run_id", request.runId());
    Optional<DateRange> range = dataRange.get();
    if (range.isEmpty()) {
      String reason = "{\"all\":true}: player_game_summary has no game date: nothing to compute";
      log.error(reason);
      failures.record(
          FunctionName.COMPOSITE_FACTORS,
          request.runId(),
          LocalDate.EPOCH,
          "MESSAGE",
          FailureCategory.INVALID_MESSAGE,
          reason,
          false,
          request.runId());
      return List.of();
    }
    List<DateRange> chunks = DataRange.chunks(range.get(), maxRangeDays);
    log.info(
        "the data's full range is " + range.get() + ": " + chunks.size() + " range request(s)");
    for (DateRange chunk : chunks) {
      publisher.publish(
          Topic.COMPOSITE_FACTORS_REQUESTS,
          new RangeRequest(chunk, request.force(), request.runId()).toJson(),
          Attributes.of(request.runId(), null));
    }
    return chunks;
  }

  Result fanOut(RangeRequest request) {
    StructuredLog log = this.log.with("run_id", request.runId()).with("range", request.range());
    PreflightReport report = preflight.check(request.range(), request.force());
    if (report.gameDates().isEmpty()) {
      String reason =
          "Range "
              + request.range()
              + " has no scheduled game: nothing to compute (a mistyped year?). Check the range"
              + " against the schedule; the data's full range is {\"all\":true}.";
      log.error(reason);
      record(
          request,
          request.range().start(),
          "MESSAGE",
          FailureCategory.INVALID_MESSAGE,
          reason,
          false);
      return new Result(report, List.of());
    }
    if (!report.passed()) {
      log.error(report.summary());
      recordStop(request, report);
      return new Result(report, List.of());
    }
    log.log(report.issues().isEmpty() ? Severity.INFO : Severity.WARNING, report.summary());
    List<LocalDate> dates = report.gameDates();
    List<List<LocalDate>> chunks = chunks(dates, chunkDays);
    chunks.forEach(chunk -> publish(request, chunk));
    log.info(
        String.format(
            "fanned out %d game dates of %s in %d message(s) of at most %d",
            dates.size(), request.range(), chunks.size(), chunkDays));
    return new Result(report, dates);
  }

  /** A chunk of the range's game dates as one message; a chunk of one date as that date's. */
  private void publish(RangeRequest request, List<LocalDate> chunk) {
    if (chunk.size() == 1) {
      DateRequest child =
          DateRequest.backfill(chunk.get(0), request.runId()).forced(request.force());
      publisher.publish(
          Topic.COMPOSITE_FACTORS_REQUESTS,
          child.toJson(),
          Attributes.of(request.runId(), chunk.get(0)));
    } else {
      publisher.publish(
          Topic.COMPOSITE_FACTORS_REQUESTS,
          new ChunkRequest(chunk, request.force(), request.runId()).toJson(),
          Attributes.ofChunk(request.runId(), chunk));
    }
  }

  /**
   * A range stopped by the pre-flight: a failure per date with partial context or a missing input.
   */
  private void recordStop(RangeRequest request, PreflightReport report) {
    for (PreflightReport.Issue issue : report.issues()) {
      record(
          request,
          issue.date(),
          "DATE_LEVEL",
          FailureCategory.PARTIAL_UPCOMING_CONTEXT,
          String.format(
              "Backfill %s stopped: upcoming_player_game_context has %d of %d players (%.1f%%) on %s."
                  + " Reprocess the date (./pipeline reprocess DATE runs a past date in backfill"
                  + " mode, whose fallback rebuilds it), or rerun the range with force.",
              request.range(),
              issue.upcomingPlayers(),
              issue.expectedPlayers(),
              issue.coveragePct(),
              issue.date()),
          true);
    }
    for (PreflightReport.InputIssue issue : report.inputIssues()) {
      var input = issue.shortfall().input();
      record(
          request,
          issue.date(),
          input.table().name(),
          input.category(),
          "Backfill "
              + request.range()
              + " stopped: "
              + issue.shortfall().describe()
              + " on "
              + issue.date()
              + ". Backfill "
              + input.table().name()
              + " for the date first (backfill the input tables together), then run the range"
              + " again.",
          true);
    }
  }

  private void record(
      RangeRequest request,
      LocalDate date,
      String entity,
      FailureCategory category,
      String reason,
      boolean dateLevel) {
    failures.record(
        FunctionName.COMPOSITE_FACTORS,
        request.runId(),
        date,
        entity,
        category,
        reason,
        dateLevel,
        request.runId());
  }

  /**
   * The dates in order, cut into chunks of at most {@code size}, never across two seasons (a
   * chunk's inputs are read in one query, whose season-to-date windows start at one opening night).
   */
  static List<List<LocalDate>> chunks(List<LocalDate> dates, int size) {
    List<List<LocalDate>> chunks = new ArrayList<>();
    List<LocalDate> current = new ArrayList<>();
    for (LocalDate date : dates.stream().sorted().toList()) {
      if (current.size() == size
          || (!current.isEmpty()
              && SeasonCalendar.seasonYear(current.get(0)) != SeasonCalendar.seasonYear(date))) {
        chunks.add(List.copyOf(current));
        current.clear();
      }
      current.add(date);
    }
    if (!current.isEmpty()) {
      chunks.add(List.copyOf(current));
    }
    return chunks;
  }
}
