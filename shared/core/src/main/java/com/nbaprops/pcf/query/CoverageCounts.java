package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.FeatureThreshold;
import com.nbaprops.pcf.config.InputThreshold;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.CoverageGate;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a date's coverage is judged on, read in one query (one BigQuery job): who played (what a
 * complete date must cover), who has composite factors, how complete each configured feature of the
 * box scores is, every input against what should exist ({@link InputCoverage}), and how many of the
 * date's data failures are still open. Every table is filtered on its partition column.
 */
public final class CoverageCounts {
  private final Warehouse warehouse;
  private final FeatureCoverage features;
  private final Map<DateInput, InputThreshold> inputThresholds;
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

  /**
   * A date as the warehouse has it at one moment: who played, what was written, the features and
   * inputs under their thresholds, and the date's open data failures.
   */
  public record Snapshot(
      int expected, Written written, Features features, InputReport inputs, long openFailures) {

    /** No game scheduled and no box score: nothing to expect. */
    public boolean offDay() {
      return inputs.counts().offDay();
    }

    /** Whether a critical input or feature is under its threshold: never COMPLETE then. */
    public boolean criticalShortfall() {
      return inputs.criticalShortfall() || features.criticalShortfall();
    }

    /**
     * The verdict these counts give: the gate on players written against players who played, and
     * FAIL whatever the counts while a critical input or feature is short.
     */
    public Verdict verdict(CoverageGate gate) {
      Verdict verdict = gate.verdict(written.players(), expected);
      return criticalShortfall() && verdict.passes() ? Verdict.FAIL : verdict;
    }
  }

  public CoverageCounts(
      Warehouse warehouse,
      Catalog catalog,
      List<FeatureThreshold> features,
      Map<DateInput, InputThreshold> inputs) {
    this.warehouse = warehouse;
    this.features = new FeatureCoverage(features);
    this.inputThresholds = Map.copyOf(inputs);
    StringBuilder boxScores =
        new StringBuilder("COUNT(DISTINCT player_lookup) AS expected, COUNT(*) AS box_score_rows");
    this.features.counts().forEach(count -> boxScores.append(", ").append(count));
    this.sql =
        new InputCoverage(catalog).with()
            + "\nSELECT * FROM (SELECT "
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
            + ")) AS failures"
            + " LEFT JOIN input_summary ON input_summary.input_date = @game_date";
  }

  /** The inputs and the features under their thresholds, in words, or null when none is. */
  public static String problems(Features features, InputReport inputs) {
    if (inputs.text() == null) {
      return features.text() == null ? null : "features: " + features.text();
    }
    return "inputs: "
        + inputs.text()
        + (features.text() == null ? "" : "; features: " + features.text());
  }

  public Snapshot snapshot(LocalDate date) {
    Row row =
        warehouse
            .query(
                InputCoverage.bind(Sql.of(sql).date("game_date", date), new DateRange(date, date)))
            .get(0);
    String source = row.string("data_source");
    return new Snapshot(
        row.int32("expected"),
        new Written(row.int32("players"), source == null ? null : DataSource.valueOf(source)),
        features.evaluate(row.int64("box_score_rows"), row),
        InputReport.of(InputCoverage.read(date, row), inputThresholds),
        row.int64("open_failures"));
  }
}
