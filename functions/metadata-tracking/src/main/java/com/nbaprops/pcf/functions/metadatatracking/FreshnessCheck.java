package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.InputDue;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.FreshnessRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.InputArrivals;
import com.nbaprops.pcf.query.InputReport;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The freshness check: every input of a scheduled game past its due time plus the grace ({@code
 * INPUT_DUE}) that has not landed, or landed partial, is late. Each late input logs {@code
 * alert=input_late} naming the table, the date and how late, and is recorded once as an {@code
 * UPSTREAM_LATE} failure; one that has landed since is resolved. Off days, postponed and cancelled
 * games, the bootstrap window and dates already COMPLETE expect nothing. Two queries: the morning
 * inputs by the schedule, then (once a night's box scores are due, for a date not yet COMPLETE)
 * every input against who played.
 */
final class FreshnessCheck {
  /** A late input of a game date. */
  record Late(LocalDate date, TableDefinition table, ZonedDateTime due, String what) {}

  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Warehouse warehouse;
  private final InputArrivals arrivals;
  private final CoverageCounts counts;
  private final InputDue due;
  private final ZoneId zone;
  private final SeasonCalendar calendar;
  private final FailureRecorder failures;
  private final LeagueClock clock;
  private final StructuredLog log;
  private final String openLate;
  private final String resolveLate;

  FreshnessCheck(
      Warehouse warehouse,
      PipelineConfig config,
      CoverageCounts counts,
      FailureRecorder failures,
      LeagueClock clock,
      StructuredLog log) {
    this.warehouse = warehouse;
    this.arrivals = new InputArrivals(warehouse, config.catalog());
    this.counts = counts;
    this.due = config.inputDue();
    this.zone = config.leagueTimeZone();
    this.calendar = new SeasonCalendar(config.thresholds().bootstrapDays());
    this.failures = failures;
    this.clock = clock;
    this.log = log;
    this.openLate =
        config
            .catalog()
            .template(
                "SELECT analysis_date, entity_id FROM {precompute_failures}"
                    + " WHERE analysis_date BETWEEN @range_start AND @range_end"
                    + " AND failure_category = 'UPSTREAM_LATE' AND resolution_status = 'UNRESOLVED'")
            .render();
    this.resolveLate =
        config
            .catalog()
            .template(
                "UPDATE {precompute_failures} SET resolution_status = 'RESOLVED',"
                    + " resolved_at = @resolved_at,"
                    + " failure_reason = CONCAT(COALESCE(failure_reason, ''), @landed)"
                    + " WHERE analysis_date = @analysis_date AND entity_id = @entity_id"
                    + " AND failure_category = 'UPSTREAM_LATE' AND resolution_status = 'UNRESOLVED'")
            .render();
  }

  /** Checks the request's game dates; returns the inputs found late. */
  List<Late> check(FreshnessRequest request) {
    Instant now = clock.now();
    LocalDate today = clock.today();
    DateRange range = new DateRange(today.minusDays(request.days()), today);
    Map<String, Late> late = new LinkedHashMap<>();
    List<LocalDate> nightDue = new ArrayList<>();
    arrivals
        .read(range)
        .forEach(
            (date, arrival) -> {
              // A COMPLETE date had every input it needs: nothing there can be late.
              if (calendar.isBootstrap(date)
                  || arrival.scheduledTeams() == 0
                  || arrival.complete()) {
                return;
              }
              for (TableDefinition table : InputArrivals.TABLES) {
                if (!isDue(table, date, now)) {
                  continue;
                }
                InputArrivals.Landed landed = arrival.of(table);
                boolean context = Tables.UPCOMING.contains(table);
                if (landed.rows() == 0) {
                  put(late, date, table, "has not landed");
                } else if (context && landed.covered() < arrival.scheduledTeams()) {
                  put(
                      late,
                      date,
                      table,
                      String.format(
                          "landed partial: %d rows for %d of the %d teams scheduled",
                          landed.rows(), landed.covered(), arrival.scheduledTeams()));
                }
              }
              if (isDue(Tables.PLAYER_GAME_SUMMARY, date, now)
                  || isDue(Tables.TEAM_OFFENSE_GAME_SUMMARY, date, now)) {
                nightDue.add(date);
              }
            });
    if (!nightDue.isEmpty()) {
      Map<LocalDate, CoverageCounts.Snapshot> snapshots =
          counts.snapshots(new DateRange(nightDue.get(0), nightDue.get(nightDue.size() - 1)));
      for (LocalDate date : nightDue) {
        for (InputReport.Shortfall shortfall : snapshots.get(date).inputs().critical()) {
          DateInput input = shortfall.input();
          if (input.upstream() && isDue(input.table(), date, now)) {
            put(late, date, input.table(), "landed partial: " + shortfall.describe());
          }
        }
      }
    }
    List<Late> found = new ArrayList<>(late.values());
    found.forEach(input -> raise(input, now, request.runId()));
    resolveLanded(range, late, now);
    return found;
  }

  private boolean isDue(TableDefinition table, LocalDate date, Instant now) {
    return !now.isBefore(due.of(table).of(date, zone).plus(due.grace()).toInstant());
  }

  private void put(Map<String, Late> late, LocalDate date, TableDefinition table, String what) {
    late.putIfAbsent(
        key(date, table.name()), new Late(date, table, due.of(table).of(date, zone), what));
  }

  private static String key(LocalDate date, String table) {
    return date + " " + table;
  }

  private void raise(Late input, Instant now, String runId) {
    long minutes = Duration.between(input.due().toInstant(), now).toMinutes();
    String text =
        String.format(
            Locale.ROOT,
            "%s of %s was due %s %s and %s (%d min late): rerun its upstream processor for the"
                + " date; the suite computes the date when it lands",
            input.table().name(),
            input.date(),
            SHORT.format(input.due()),
            zone,
            input.what(),
            minutes);
    log.with("run_id", runId)
        .with("analysis_date", input.date())
        .with("alert", "input_late")
        .with("table", input.table().name())
        .with("late_minutes", Long.toString(minutes))
        .log(Severity.ERROR, text);
    failures.record(
        FunctionName.METADATA_TRACKING,
        runId,
        input.date(),
        input.table().name(),
        FailureCategory.UPSTREAM_LATE,
        text,
        true,
        // Once per input and date, however many checks find it late.
        input.due().toString());
  }

  /** Resolves the open late inputs of {@code range} that this check found landed. */
  private void resolveLanded(DateRange range, Map<String, Late> late, Instant now) {
    for (Row open :
        warehouse.query(
            Sql.of(openLate).date("range_start", range.start()).date("range_end", range.end()))) {
      LocalDate date = open.date("analysis_date");
      String table = open.string("entity_id");
      if (!late.containsKey(key(date, table))) {
        warehouse.execute(
            Sql.of(resolveLate)
                .timestamp("resolved_at", now)
                .string("landed", " Resolved: landed by " + SHORT.format(now.atZone(zone)) + ".")
                .date("analysis_date", date)
                .string("entity_id", table));
        log.with("analysis_date", date).info(table + " of " + date + " has landed");
      }
    }
  }
}
