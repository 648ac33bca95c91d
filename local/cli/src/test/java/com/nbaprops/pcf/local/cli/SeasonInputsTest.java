package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.query.DataRange;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input thresholds' defaults raise no false alarm on the real season. */
class SeasonInputsTest {
  @TempDir Path home;

  @Test
  void theWholeSeasonBackfillsAndTracksWithEveryGameDateCompleteOrSkipped() {
    try (LocalRuntime local = SeasonFixture.SEASON.open(home)) {
      DateRange season =
          DataRange.of(
                  local.runtime().warehouse(),
                  local.runtime().config().catalog(),
                  SeasonFixture.TODAY)
              .orElseThrow();
      PrintWriter quiet = new PrintWriter(Writer.nullWriter());

      assertThat(new Backfill(local, quiet, Progress.none()).range(season, true, true))
          .isEqualTo(ExitCodes.OK);
      local
          .runtime()
          .publisher()
          .publish(
              Topic.METADATA_TRACKING_TRIGGER,
              "{\"start_date\":\""
                  + season.start()
                  + "\",\"end_date\":\""
                  + season.end()
                  + "\",\"flag_incomplete\":true}",
              Map.of());

      Map<String, Long> statuses =
          Status.rows(local, new DateRange(season.start(), season.end())).stream()
              .collect(
                  Collectors.groupingBy(
                      (Row row) -> row.string("status"), TreeMap::new, Collectors.counting()));
      assertThat(statuses).containsExactly("COMPLETE", 121L, "SKIPPED", 14L);
    }
  }
}
