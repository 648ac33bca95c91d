package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.FeatureThreshold;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The share of non-null values of each configured feature of {@code player_game_summary} on a date,
 * against its threshold: what coverage-validation checks and the metadata sweep re-checks.
 */
public final class FeatureCoverage {
  private final Warehouse warehouse;
  private final String playerGames;
  private final List<FeatureThreshold> features;

  /**
   * Features under their threshold, in words ({@code text} null when none), and whether any is
   * critical.
   */
  public record Report(String text, boolean criticalShortfall) {
    static final Report NONE = new Report(null, false);
  }

  public FeatureCoverage(Warehouse warehouse, Catalog catalog, List<FeatureThreshold> features) {
    this.warehouse = warehouse;
    this.playerGames = catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY);
    this.features = List.copyOf(features);
  }

  /**
   * One query over the date's box scores; a feature with no values at all is called out as absent.
   */
  public Report check(LocalDate date) {
    if (features.isEmpty()) {
      return Report.NONE;
    }
    StringJoiner select = new StringJoiner(", ", "SELECT COUNT(*) AS total_rows, ", "");
    for (FeatureThreshold feature : features) {
      select.add("COUNT(" + feature.column() + ") AS " + feature.column());
    }
    Row counts =
        warehouse
            .query(
                Sql.of(select + " FROM " + playerGames + " WHERE game_date = @game_date")
                    .date("game_date", date))
            .get(0);
    long rows = counts.int64("total_rows");
    if (rows == 0) {
      return Report.NONE;
    }
    List<String> shortfalls = new ArrayList<>();
    boolean critical = false;
    for (FeatureThreshold feature : features) {
      long present = counts.int64(feature.column());
      if (Coverage.below(present, rows, feature.minPct())) {
        critical |= feature.critical();
        shortfalls.add(
            String.format(
                "%s %.1f%% < %.1f%% (%s%s)",
                feature.column(),
                Coverage.percent(present, rows),
                feature.minPct(),
                feature.critical() ? "critical" : "warning",
                present == 0 ? ", absent from the source data" : ""));
      }
    }
    return shortfalls.isEmpty() ? Report.NONE : new Report(String.join("; ", shortfalls), critical);
  }
}
