package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.FallbackPolicy;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.table.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * In the bench module, in composite-factors' package so it uses the function's own package-private
 * reading and rules, but out of its deploy jar: a benchmark is not production code.
 *
 * <p>The composite factors of every date of a season in one set-based pass: one read of the inputs,
 * the same rules as a date's own processing, one write. No messages, no validation, no metadata:
 * the least the work itself costs, which the benchmark measures the chain against.
 */
public final class OnePassFactors {
  private final Warehouse warehouse;
  private final PlayerSources sources;
  private final FallbackPolicy fallback;
  private final SeasonCalendar calendar;

  public OnePassFactors(Warehouse warehouse, PipelineConfig config) {
    this.warehouse = warehouse;
    this.sources = new PlayerSources(warehouse, config.catalog());
    this.fallback = new FallbackPolicy(config.thresholds().fallbackPct());
    this.calendar = new SeasonCalendar(config.thresholds().bootstrapDays());
  }

  /**
   * Appends the rows of every date of {@code range} outside the bootstrap window to
   * player_composite_factors, as backfill-mode processing would write them; returns how many.
   */
  public int appendSeason(DateRange range, String runId, Instant processedAt) {
    Map<LocalDate, DateInputs> inputs = sources.read(range, true);
    List<Row> rows = new ArrayList<>();
    for (DateInputs date : inputs.values()) {
      if (!calendar.isBootstrap(date.date())) {
        rows.addAll(date.rows(date.choose(fallback, true), runId, processedAt));
      }
    }
    warehouse.append(Tables.PLAYER_COMPOSITE_FACTORS, rows);
    return rows.size();
  }
}
