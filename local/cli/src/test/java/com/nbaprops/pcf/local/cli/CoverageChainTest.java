package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request to metadata row through the local bus, on the real season with the incident planted. */
class CoverageChainTest {
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  @TempDir Path home;
  private LocalRuntime local;

  @BeforeEach
  void openFebruaryBackfilled() {
    local = SeasonFixture.FEBRUARY_BACKFILLED.open(home);
  }

  @AfterEach
  void close() {
    local.close();
  }

  private List<Row> query(String sql, LocalDate date) {
    return local.runtime().warehouse().query(Sql.of(sql).date("d", date));
  }

  private Row metadata(LocalDate date) {
    List<Row> rows =
        query(
            "SELECT * FROM nba_orchestration.backfill_processing_metadata WHERE analysis_date = @d",
            date);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private List<Row> failures(LocalDate date) {
    return query(
        "SELECT * FROM nba_orchestration.precompute_failures WHERE analysis_date = @d"
            + " AND failure_category = 'INCOMPLETE_COVERAGE'",
        date);
  }

  @Test
  void everyFebruaryGameDateIsTracked() {
    List<Row> rows =
        local
            .runtime()
            .warehouse()
            .query(
                Sql.of(
                        "SELECT status, COUNT(*) AS dates FROM nba_orchestration.backfill_processing_metadata"
                            + " WHERE analysis_date BETWEEN @s AND @e GROUP BY status")
                    .date("s", LocalDate.of(2023, 2, 1))
                    .date("e", LocalDate.of(2023, 2, 28)));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).int64("dates")).isEqualTo(22);
    // The forced backfill bypasses the gate (verdict SKIPPED) but the status is still measured.
    assertThat(rows.get(0).string("status")).isEqualTo("COMPLETE");
    assertThat(metadata(FEB_23).string("data_source")).isEqualTo("SYNTHETIC");
    assertThat(metadata(FEB_23.plusDays(1)).string("data_source")).isEqualTo("SYNTHETIC");
    assertThat(metadata(LocalDate.of(2023, 2, 25)).string("data_source")).isEqualTo("UPCG");
  }

  @Test
  void deletingPlayersThenSweepingFlagsTheDateIncomplete() {
    SeasonFixture.breakFebruary23(local);

    Row row = metadata(FEB_23);
    assertThat(row.int64("actual_players")).isEqualTo(94);
    assertThat(row.string("status")).isEqualTo("INCOMPLETE");
    assertThat(failures(FEB_23)).hasSize(1);
    assertThat(failures(FEB_23).get(0).string("failure_reason")).contains("93 missing");
    assertThat(failures(FEB_23).get(0).string("failure_reason"))
        .contains("./pipeline reprocess 2023-02-23");
  }

  @Test
  void reprocessingMakesTheDateCompleteAndResolvesTheFailure() {
    SeasonFixture.breakFebruary23(local);
    String runId = "rerun-1";
    local
        .runtime()
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            DateRequest.backfill(FEB_23, runId).toJson(),
            Attributes.of(runId, FEB_23));

    Row row = metadata(FEB_23);
    assertThat(row.string("status")).isEqualTo("COMPLETE");
    assertThat(row.string("verdict")).isEqualTo("PASS");
    assertThat(row.string("run_id")).isEqualTo(runId);
    // Usage comes from real field-goal, free-throw and turnover counts now: no feature is short.
    assertThat(row.string("feature_report")).isNull();
    assertThat(failures(FEB_23).get(0).string("resolution_status")).isEqualTo("RESOLVED");
  }
}
