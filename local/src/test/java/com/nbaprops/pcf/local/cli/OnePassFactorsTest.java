package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.functions.compositefactors.OnePassFactors;
import com.nbaprops.pcf.local.LocalRuntime;
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
              .appendSeason(DemoCommand.FEBRUARY, "one-pass", Instant.EPOCH);

      List<Map<String, Object>> chainRows = BenchCommand.factorRows(chain.runtime().warehouse());
      assertThat(BenchCommand.factorRows(pass.runtime().warehouse()))
          .containsExactlyElementsIn(chainRows)
          .inOrder();
      assertThat(written).isEqualTo(chainRows.size());
      // Both player sources are exercised: the incident's dates fall back to the synthetic context.
      assertThat(chainRows.stream().map(row -> row.get("data_source")).distinct().sorted().toList())
          .containsExactly("SYNTHETIC", "UPCG")
          .inOrder();
    }
  }
}
