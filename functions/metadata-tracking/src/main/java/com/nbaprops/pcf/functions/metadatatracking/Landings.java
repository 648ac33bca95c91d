package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.InputDue;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.InputPrints;
import com.nbaprops.pcf.query.Staleness;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.transport.TableWritten;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An upstream table written (BigQuery's audit log, through an Eventarc trigger): each game date it
 * feeds that is now computable and not COMPLETE with its current inputs is requested at once, not
 * at the next sweep. Never processed, INCOMPLETE, LOW or STALE dates are requested once every input
 * they need is in; a COMPLETE date whose inputs this write restated is tracked STALE first (the
 * alert and the failure the sweep would raise) and then requested. A date still partial is left for
 * its next landing, and a COMPLETE, current date is never requested.
 *
 * <p>Coalesced: a date already requested since the write (or COMPLETE and tracked since) gets no
 * request, so the burst of a night's writes asks once per date. The audit log names the table,
 * rarely the partition, so a write without one stands for the last {@link #LOOKBACK_DAYS} days:
 * what an upstream rewrites in a normal week.
 */
final class Landings {
  /** The days before today (and today) a write naming no partition may have changed. */
  static final int LOOKBACK_DAYS = 7;

  private static final String ENTITY_PREFIX = "LANDED:";

  private final Catalog catalog;
  private final Warehouse warehouse;
  private final CoverageCounts counts;
  private final Staleness staleness;
  private final MetadataTrackingService tracking;
  private final SeasonCalendar calendar;
  private final DateRequests requests;
  private final LeagueClock clock;
  private final StructuredLog log;
  private final String statesSql;

  /** The fingerprinted inputs: a write of any other cannot stale a date. */
  private static final Set<String> FINGERPRINTED =
      InputPrints.INPUTS.stream().map(InputPrints.Input::name).collect(Collectors.toSet());

  Landings(
      Warehouse warehouse,
      PipelineConfig config,
      TrackingReads reads,
      MetadataTrackingService tracking,
      DateRequests requests,
      LeagueClock clock,
      StructuredLog log) {
    this.catalog = config.catalog();
    this.warehouse = warehouse;
    this.counts = reads.counts();
    this.staleness = reads.staleness();
    this.tracking = tracking;
    this.calendar = new SeasonCalendar(config.thresholds().bootstrapDays());
    this.requests = requests;
    this.clock = clock;
    this.log = log;
    // Each date's status, when it was last requested on a landing, and whether anyone played on it
    // (no computation before that): one query.
    this.statesSql =
        catalog
            .template(
                """
                SELECT analysis_date, status, CAST(NULL AS TIMESTAMP) AS requested_at,
                       0 AS box_score_rows
                FROM {backfill_processing_metadata}
                WHERE analysis_date BETWEEN @range_start AND @range_end
                UNION ALL
                SELECT analysis_date, CAST(NULL AS STRING), MAX(created_at), 0
                FROM {precompute_failures}
                WHERE analysis_date BETWEEN @range_start AND @range_end
                  AND failure_category = 'RECOMPUTE_REQUESTED'
                GROUP BY analysis_date
                UNION ALL
                SELECT game_date, CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP), COUNT(*)
                FROM {player_game_summary}
                WHERE game_date BETWEEN @range_start AND @range_end
                GROUP BY game_date
                """)
            .render();
  }

  /** A date as the last tracking and the last request left it. */
  private record State(String status, Instant requestedAt, boolean played) {
    static final State NEVER = new State(null, null, false);

    /**
     * Whether a request was recorded after {@code at}: its computation reads the write. (At the
     * same instant, which came first is unknown: not seen.)
     */
    boolean requestedSince(Instant at) {
      return requestedAt != null && requestedAt.isAfter(at);
    }

    State merge(State other) {
      return new State(
          status != null ? status : other.status,
          requestedAt != null ? requestedAt : other.requestedAt,
          played || other.played);
    }
  }

  /** Reacts to {@code written}; returns the dates requested. */
  List<LocalDate> landed(TableWritten written, String runId) {
    StructuredLog log = this.log.with("run_id", runId);
    Optional<TableDefinition> input = input(written);
    if (input.isEmpty()) {
      log.info(
          written.dataset() + "." + written.table() + " was written: not an input of the factors");
      return List.of();
    }
    TableDefinition table = input.get();
    LocalDate today = clock.today();
    DateRange range =
        written
            .partition()
            .map(date -> new DateRange(date, date))
            .orElseGet(() -> new DateRange(today.minusDays(LOOKBACK_DAYS), today));
    if (range.end().isAfter(today)) {
      log.info(table.name() + " was written for " + range.end() + ": not a game date yet");
      return List.of();
    }
    Map<LocalDate, State> states = states(range);
    Set<LocalDate> requests = new TreeSet<>();
    List<LocalDate> complete = new ArrayList<>();
    List<LocalDate> open = new ArrayList<>();
    for (LocalDate date : range.dates()) {
      State state = states.getOrDefault(date, State.NEVER);
      if (calendar.isBootstrap(date) || state.requestedSince(written.at())) {
        continue;
      }
      String status = state.status();
      if (CoverageStatus.COMPLETE.name().equals(status)) {
        // Checked even when tracked after the write: a tracking right after a computation trusts
        // the prints that computation took as it read, which can be from before the write.
        complete.add(date);
      } else if (state.played()
          && !CoverageStatus.OFF_DAY.name().equals(status)
          && !CoverageStatus.SKIPPED.name().equals(status)) {
        // Not before anyone played (a game day's morning inputs landing): nothing to compute yet.
        open.add(date);
      }
    }
    if (!complete.isEmpty() && FINGERPRINTED.contains(table.name())) {
      List<LocalDate> stale = new ArrayList<>();
      staleness
          .check(span(complete), table.name()::equals)
          .forEach(
              (date, check) -> {
                if (check.stale() && complete.contains(date)) {
                  stale.add(date);
                }
              });
      // The alert and the INPUT_RESTATED failure, as the sweep would raise them.
      stale.forEach(date -> tracking.retrack(new DateRange(date, date), runId));
      requests.addAll(stale);
    }
    if (!open.isEmpty()) {
      Map<LocalDate, CoverageCounts.Snapshot> snapshots = counts.snapshots(span(open));
      for (LocalDate date : open) {
        CoverageCounts.Snapshot now = snapshots.get(date);
        if (computable(now)) {
          requests.add(date);
        } else if (now.expected() > 0) {
          log.with("analysis_date", date)
              .info(
                  date
                      + " not requested: its inputs are still partial ("
                      + CoverageCounts.problems(now.features(), now.inputs())
                      + ")");
        }
      }
    }
    requests.forEach(date -> request(date, table, runId, log));
    return List.copyOf(requests);
  }

  /** The suite's input {@code written} names, if it is one. */
  private Optional<TableDefinition> input(TableWritten written) {
    return InputDue.TABLES.stream()
        .filter(table -> table.name().equals(written.table()))
        .filter(table -> catalog.datasetName(table.dataset()).equals(written.dataset()))
        .findFirst();
  }

  /**
   * Whether composite-factors can make the date COMPLETE now: who played is known, and no input it
   * reads and no critical feature of the box scores is short.
   */
  private static boolean computable(CoverageCounts.Snapshot now) {
    return now.expected() > 0
        && !now.offDay()
        && !now.features().criticalShortfall()
        && now.inputs().critical().stream().noneMatch(shortfall -> shortfall.input().upstream());
  }

  private Map<LocalDate, State> states(DateRange range) {
    Map<LocalDate, State> states = new HashMap<>();
    for (Row row :
        warehouse.query(
            Sql.of(statesSql).date("range_start", range.start()).date("range_end", range.end()))) {
      State state =
          new State(
              row.string("status"), row.timestamp("requested_at"), row.int64("box_score_rows") > 0);
      states.merge(row.date("analysis_date"), state, State::merge);
    }
    return states;
  }

  private void request(LocalDate date, TableDefinition table, String runId, StructuredLog log) {
    requests.request(
        date,
        runId,
        ENTITY_PREFIX + table.name(),
        FailureCategory.RECOMPUTE_REQUESTED,
        date + ": " + table.name() + " was written; requested its computation at once",
        runId);
    log.with("analysis_date", date)
        .info("requested " + date + ": " + table.name() + " landed and the date is computable");
  }

  private static DateRange span(List<LocalDate> dates) {
    return new DateRange(dates.get(0), dates.get(dates.size() - 1));
  }
}
