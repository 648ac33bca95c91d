package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.FeatureThreshold;
import com.nbaprops.pcf.config.InputThreshold;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.rules.CoverageGate;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a date's coverage is judged on, read in one query (one BigQuery job): who played (what a
 * complete date must cover), who has composite factors, how complete each configured feature of the
 * box scores is, every input against what should exist ({@link InputCoverage}), how many of the
 * date's data failures are still open, and how many of the players who played the upcoming context
 * has. Every table is filtered on its partition column.
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
      int expected,
      Written written,
      Features features,
      InputReport inputs,
      long openFailures,
      int upcomingPlayed) {

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
    StringBuilder featureCounts = new StringBuilder();
    this.features.counts().forEach(count -> featureCounts.append(", ").append(count));
    StringBuilder featureColumns = new StringBuilder();
    this.features.aliases().forEach(alias -> featureColumns.append(", b.").append(alias));
    // One row per date that has anything to count; a date with none is an off day with nothing
    // written, nothing open, and the single-date snapshot of it is built without a row.
    this.sql =
        catalog
            .template(
                """
                {input_coverage},
                box_dates AS (
                  SELECT game_date AS snapshot_date, COUNT(DISTINCT player_lookup) AS expected,
                         COUNT(*) AS box_score_rows{feature_counts}
                  FROM {player_game_summary}
                  WHERE game_date BETWEEN @inputs_start AND @inputs_end GROUP BY game_date
                ),
                written AS (
                  SELECT game_date AS snapshot_date, COUNT(DISTINCT player_lookup) AS players,
                         MIN(data_source) AS data_source
                  FROM {player_composite_factors}
                  WHERE game_date BETWEEN @inputs_start AND @inputs_end GROUP BY game_date
                ),
                open_failures AS (
                  SELECT analysis_date AS snapshot_date, COUNT(*) AS open_failures
                  FROM {precompute_failures}
                  WHERE analysis_date BETWEEN @inputs_start AND @inputs_end
                    AND resolution_status = 'UNRESOLVED' AND failure_category IN ({date_data})
                  GROUP BY analysis_date
                ),
                -- Of the players who played, those the upcoming context has: what a rerun from it
                -- would cover.
                upcoming AS (
                  SELECT u.game_date AS snapshot_date, COUNT(DISTINCT u.player_lookup) AS upcoming_played
                  FROM {upcoming_player_game_context} AS u
                  JOIN (SELECT DISTINCT game_date, player_lookup FROM {player_game_summary}
                        WHERE game_date BETWEEN @inputs_start AND @inputs_end) AS p
                    ON p.game_date = u.game_date AND p.player_lookup = u.player_lookup
                  WHERE u.game_date BETWEEN @inputs_start AND @inputs_end GROUP BY u.game_date
                ),
                snapshot_dates AS (
                  SELECT DISTINCT snapshot_date FROM (
                    SELECT snapshot_date FROM box_dates UNION ALL SELECT snapshot_date FROM written
                    UNION ALL SELECT snapshot_date FROM open_failures
                    UNION ALL SELECT input_date AS snapshot_date FROM input_summary) AS d
                )
                SELECT d.snapshot_date, COALESCE(b.expected, 0) AS expected,
                       COALESCE(b.box_score_rows, 0) AS box_score_rows{feature_columns},
                       COALESCE(w.players, 0) AS players, w.data_source,
                       COALESCE(f.open_failures, 0) AS open_failures,
                       COALESCE(u.upcoming_played, 0) AS upcoming_played, input_summary.*
                FROM snapshot_dates AS d
                LEFT JOIN box_dates AS b ON b.snapshot_date = d.snapshot_date
                LEFT JOIN written AS w ON w.snapshot_date = d.snapshot_date
                LEFT JOIN open_failures AS f ON f.snapshot_date = d.snapshot_date
                LEFT JOIN upcoming AS u ON u.snapshot_date = d.snapshot_date
                LEFT JOIN input_summary ON input_summary.input_date = d.snapshot_date
                """)
            .with("input_coverage", new InputCoverage(catalog).with())
            .with("feature_counts", featureCounts.toString())
            .with("feature_columns", featureColumns.toString())
            .with("date_data", FailureCategory.sqlList(FailureCategory.DATE_DATA))
            .render();
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

  /** One date as the warehouse has it now. */
  public Snapshot snapshot(LocalDate date) {
    return snapshots(new DateRange(date, date)).get(date);
  }

  /**
   * Every date of {@code range} as the warehouse has it now, in one query (one BigQuery job, what a
   * sweep of many dates costs), in date order.
   */
  public Map<LocalDate, Snapshot> snapshots(DateRange range) {
    Map<LocalDate, Snapshot> snapshots = new TreeMap<>();
    for (Row row : warehouse.query(InputCoverage.bind(Sql.of(sql), range))) {
      LocalDate date = row.date("snapshot_date");
      String source = row.string("data_source");
      snapshots.put(
          date,
          new Snapshot(
              row.int32("expected"),
              new Written(row.int32("players"), source == null ? null : DataSource.valueOf(source)),
              features.evaluate(row.int64("box_score_rows"), row),
              InputReport.of(InputCoverage.read(date, row), inputThresholds),
              row.int64("open_failures"),
              row.int32("upcoming_played")));
    }
    for (LocalDate date : range.dates()) {
      snapshots.computeIfAbsent(
          date,
          nothing ->
              new Snapshot(
                  0,
                  new Written(0, null),
                  Features.NONE,
                  InputReport.of(DateInputCounts.nothingExpected(date), inputThresholds),
                  0,
                  0));
    }
    return snapshots;
  }
}
