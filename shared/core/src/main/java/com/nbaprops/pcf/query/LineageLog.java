package com.nbaprops.pcf.query;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The input_lineage table: one row appended per computation of a date, never rewritten. The row
 * whose run wrote the date's current player_composite_factors rows says what they were computed
 * from (matched by run id, not by time: a clock pinned by {@code --today} must not decide); the
 * latest other row, what they were before.
 */
public final class LineageLog {
  /**
   * A date's lineage: of the computation its rows come from (null when that one recorded none: the
   * write was cut off between the rows and the lineage), the run that computed them, and the digest
   * of the computation before.
   */
  public record Recorded(
      Lineage lineage, FactorDigest digest, FactorDigest previous, String servedRun) {
    /** Whether the date's rows come from a computation whose lineage is missing. */
    public boolean unrecorded() {
      return lineage == null;
    }

    /** Whether the date's rows, and the lineage of them, are those {@code runId} wrote. */
    public boolean servedFrom(String runId) {
      return lineage != null && servedRun.equals(runId);
    }
  }

  private final Warehouse warehouse;
  private final String computations;

  public LineageLog(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.computations =
        catalog
            .template(
                """
                WITH served AS (
                  SELECT game_date, MIN(run_id) AS run_id
                  FROM {player_composite_factors}
                  WHERE game_date BETWEEN @start AND @end
                  GROUP BY game_date
                )
                SELECT l.analysis_date, l.data_source, l.inputs, l.factors_digest, l.run_id,
                       CASE WHEN l.run_id = s.run_id THEN 1 ELSE 0 END AS serving
                FROM {input_lineage} AS l
                LEFT JOIN served AS s ON s.game_date = l.analysis_date
                WHERE l.analysis_date BETWEEN @start AND @end
                ORDER BY l.analysis_date, l.recorded_at DESC, l.run_id DESC""")
            .render();
  }

  /** One row per computed date: what it was computed from, and the factors it wrote. */
  public void record(
      List<Lineage> lineages, Map<LocalDate, FactorDigest> digests, String runId, Instant at) {
    if (lineages.isEmpty()) {
      return;
    }
    warehouse.append(
        Tables.INPUT_LINEAGE,
        lineages.stream()
            .map(
                lineage ->
                    Row.builder()
                        .set("analysis_date", lineage.date())
                        .set("data_source", lineage.source().name())
                        .set("inputs", lineage.inputsJson())
                        .set("factors_digest", digests.get(lineage.date()).toJson())
                        .set("run_id", runId)
                        .set("recorded_at", at)
                        .build())
            .toList());
  }

  /** The lineage of every date of {@code range} that has any: one query. */
  public Map<LocalDate, Recorded> latest(DateRange range) {
    Map<LocalDate, Recorded> recorded = new TreeMap<>();
    for (Row row :
        warehouse.query(
            Sql.of(computations).date("start", range.start()).date("end", range.end()))) {
      LocalDate date = row.date("analysis_date");
      Recorded sofar = recorded.getOrDefault(date, new Recorded(null, null, null, null));
      if (row.int64("serving") == 1 && sofar.lineage() == null) {
        DataSource source = DataSource.valueOf(row.string("data_source"));
        sofar =
            new Recorded(
                Lineage.fromJson(date, source, row.string("inputs")),
                FactorDigest.fromJson(row.string("factors_digest")),
                sofar.previous(),
                row.string("run_id"));
      } else if (sofar.previous() == null) {
        sofar =
            new Recorded(
                sofar.lineage(),
                sofar.digest(),
                FactorDigest.fromJson(row.string("factors_digest")),
                sofar.servedRun());
      }
      recorded.put(date, sofar);
    }
    return recorded;
  }
}
