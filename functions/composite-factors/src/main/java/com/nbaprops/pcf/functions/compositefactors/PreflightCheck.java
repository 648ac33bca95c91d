package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.InputThreshold;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.InputCoverage;
import com.nbaprops.pcf.query.InputReport;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Before a range fans out, finds the dates it cannot compute well: a partial upcoming context, and
 * every input under its critical threshold (a scheduled game without box scores, shot zones or zone
 * defense missing, usage rates missing), so the upstream tables are backfilled together first. One
 * grouped query covers the whole range, whatever its length. A query error propagates: a check that
 * cannot run does not pass.
 */
public final class PreflightCheck {
  private final Warehouse warehouse;
  private final String sql;
  private final double thresholdPct;
  private final Map<DateInput, InputThreshold> inputs;
  private final SeasonCalendar calendar;
  private final Supplier<LocalDate> cleanupCutoff;

  /** Per date: the input counts, the players who played, and those in the upcoming context. */
  private static final String SQL =
      """
            {input_coverage},
            played AS (
              SELECT game_date, COUNT(DISTINCT player_lookup) AS players FROM box GROUP BY game_date
            ),
            context AS (
              SELECT game_date, COUNT(DISTINCT player_lookup) AS players
              FROM {upcoming_player_game_context}
              WHERE game_date BETWEEN @inputs_start AND @inputs_end GROUP BY game_date
            )
            SELECT i.*, COALESCE(p.players, 0) AS played, COALESCE(c.players, 0) AS context
            FROM input_summary AS i
            LEFT JOIN played AS p ON p.game_date = i.input_date
            LEFT JOIN context AS c ON c.game_date = i.input_date
            ORDER BY i.input_date
            """;

  public PreflightCheck(
      Warehouse warehouse,
      Catalog catalog,
      double thresholdPct,
      Map<DateInput, InputThreshold> inputThresholds,
      SeasonCalendar calendar,
      Supplier<LocalDate> cleanupCutoff) {
    this.warehouse = warehouse;
    this.cleanupCutoff = cleanupCutoff;
    this.thresholdPct = thresholdPct;
    this.calendar = calendar;
    // The output's own completeness is not an input of the dates to come: checked after them.
    this.inputs =
        inputThresholds.entrySet().stream()
            .filter(entry -> entry.getKey().upstream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    this.sql =
        catalog.template(SQL).with("input_coverage", new InputCoverage(catalog).with()).render();
  }

  /** The check as configured: thresholds, bootstrap window and the cleanup's TTL. */
  public static PreflightCheck of(Warehouse warehouse, PipelineConfig config, LeagueClock clock) {
    return new PreflightCheck(
        warehouse,
        config.catalog(),
        config.thresholds().fallbackPct(),
        config.inputThresholds(),
        new SeasonCalendar(config.thresholds().bootstrapDays()),
        () -> clock.today().minusDays(config.cleanupTtlDays()));
  }

  /**
   * One query (one BigQuery job) for the whole range: what each game date should have, what it has,
   * and who has a context.
   */
  public PreflightReport check(DateRange range, boolean force) {
    List<LocalDate> gameDates = new ArrayList<>();
    List<PreflightReport.Issue> issues = new ArrayList<>();
    List<PreflightReport.InputIssue> inputIssues = new ArrayList<>();
    for (Row row : warehouse.query(InputCoverage.bind(Sql.of(sql), range))) {
      LocalDate date = row.date("input_date");
      int played = row.int32("played");
      int context = row.int32("context");
      gameDates.add(date);
      if (context > 0 && Coverage.below(context, played, thresholdPct)) {
        issues.add(new PreflightReport.Issue(date, context, played));
      }
      if (!calendar.isBootstrap(date)) {
        InputReport report = InputReport.of(InputCoverage.read(date, row), inputs);
        for (InputReport.Shortfall shortfall : report.critical()) {
          inputIssues.add(new PreflightReport.InputIssue(date, shortfall));
        }
      }
    }
    return new PreflightReport(gameDates, issues, inputIssues, force, cleanupCutoff.get());
  }
}
