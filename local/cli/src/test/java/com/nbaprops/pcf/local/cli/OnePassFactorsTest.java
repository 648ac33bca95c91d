package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.functions.compositefactors.OnePassFactors;
import com.nbaprops.pcf.local.bench.SeasonBench;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.sql.Sql;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's lower bound reads a whole range at once; it is only a bound if it writes what the
 * chain writes date by date.
 */
class OnePassFactorsTest {
  @TempDir Path chainHome;
  @TempDir Path passHome;

  @Test
  void oneReadOfFebruaryWritesTheRowsTheChainWroteDateByDate() {
    try (LocalRuntime chain = SeasonFixture.FEBRUARY_BACKFILLED.open(chainHome);
        LocalRuntime pass = SeasonFixture.INCIDENT.open(passHome)) {
      int written =
          new OnePassFactors(pass.runtime().warehouse(), pass.runtime().config())
              .appendSeason(Demo.FEBRUARY, "one-pass", Instant.EPOCH);

      List<Map<String, Object>> chainRows = SeasonBench.factorRows(chain);
      assertThat(SeasonBench.factorRows(pass)).containsExactlyElementsIn(chainRows).inOrder();
      assertThat(written).isEqualTo(chainRows.size());
      // Both player sources are exercised: the incident's dates fall back to the synthetic context.
      assertThat(chainRows.stream().map(row -> row.get("data_source")).distinct().sorted().toList())
          .containsExactly("SYNTHETIC", "UPCG")
          .inOrder();
    }
  }

  /** Four deliveries at once, each on its own DuckDB connection: the same rows and statuses. */
  @Test
  void aBackfillOverFourWorkersWritesWhatOneWorkerWrites(@TempDir Path pooledHome) {
    try (LocalRuntime serial = SeasonFixture.FEBRUARY_BACKFILLED.open(chainHome);
        LocalRuntime pooled =
            SeasonFixture.INCIDENT.open(pooledHome, Map.of("BUS", "local:4"), (s, m, l) -> {})) {
      PrintWriter quiet = new PrintWriter(Writer.nullWriter());
      new Backfill(pooled, quiet, Progress.none()).range(Demo.FEBRUARY, true, true);

      assertThat(SeasonBench.factorRows(pooled))
          .containsExactlyElementsIn(SeasonBench.factorRows(serial))
          .inOrder();
      Sql statuses =
          Sql.of(
              "SELECT analysis_date, status, expected_players, actual_players"
                  + " FROM nba_orchestration.backfill_processing_metadata ORDER BY analysis_date");
      assertThat(pooled.runtime().warehouse().query(statuses))
          .containsExactlyElementsIn(serial.runtime().warehouse().query(statuses))
          .inOrder();
    }
  }
}
