package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.FeatureThreshold;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.List;

/**
 * What a date's coverage is judged on, read in one query (one BigQuery job): who played (what a
 * complete date must cover), who has composite factors, how complete each configured feature of the
 * box scores is, and how many of the date's data failures are still open. Every table is filtered
 * on its partition column.
 */
public final class CoverageCounts {
  private final Warehouse warehouse;
  private final FeatureCoverage features;
  private final String sql;

  /**
   * What player_composite_factors holds for a date; {@code dataSource} is null when it holds
   * nothing.
   */
  public record Written(int players, DataSource dataSource) {}

  /**
   * Features under their threshold, in words ({@code text} null when none), and whether any is
   * critical.
   */
  public record Features(String text, boolean criticalShortfall) {
    static final Features NONE = new Features(null, false);
  }

  /** A date as the warehouse has it at one moment. */
  public record Snapshot(int expected, Written written, Features features, long openFailures) {}

  public CoverageCounts(Warehouse warehouse, Catalog catalog, List<FeatureThreshold> features) {
    this.warehouse = warehouse;
    this.features = new FeatureCoverage(features);
    StringBuilder boxScores =
        new StringBuilder("COUNT(DISTINCT player_lookup) AS expected, COUNT(*) AS box_score_rows");
    this.features.counts().forEach(count -> boxScores.append(", ").append(count));
    this.sql =
        "SELECT * FROM (SELECT "
            + boxScores
            + " FROM "
            + catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY)
            + " WHERE game_date = @game_date) AS box_scores"
            + " CROSS JOIN (SELECT COUNT(DISTINCT player_lookup) AS players,"
            + " MIN(data_source) AS data_source FROM "
            + catalog.qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS)
            + " WHERE game_date = @game_date) AS written"
            + " CROSS JOIN (SELECT COUNT(*) AS open_failures FROM "
            + catalog.qualifiedName(Tables.PRECOMPUTE_FAILURES)
            + " WHERE analysis_date = @game_date AND resolution_status = 'UNRESOLVED'"
            + " AND failure_category IN ("
            + FailureCategory.sqlList(FailureCategory.DATE_DATA)
            + ")) AS failures";
  }

  public Snapshot snapshot(LocalDate date) {
    Row row = warehouse.query(Sql.of(sql).date("game_date", date)).get(0);
    String source = row.string("data_source");
    return new Snapshot(
        row.int32("expected"),
        new Written(row.int32("players"), source == null ? null : DataSource.valueOf(source)),
        features.evaluate(row.int64("box_score_rows"), row),
        row.int64("open_failures"));
  }
}
