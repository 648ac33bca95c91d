package com.nbaprops.pcf.functions.metadatatracking;

import static com.google.common.truth.Truth.assertThat;
import static com.nbaprops.pcf.testing.RuntimeFixture.players;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracking reads the warehouse, one current row per date, flags once however often it is asked. */
class MetadataTrackingServiceTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  @TempDir Path blobs;

  private static MetadataTrackingService service(RuntimeFixture fixture) {
    PipelineRuntime runtime = fixture.runtime();
    return new MetadataTrackingService(
        runtime.warehouse(),
        runtime.config(),
        TrackingReads.of(runtime.warehouse(), runtime.config()),
        runtime.failures(),
        new DateRequests(runtime.publisher(), runtime.failures()),
        runtime.leagueClock(),
        StructuredLog.to(runtime.logSink()));
  }

  @Test
  void aSweepGivesAStatusPerGameDateAndPassesOffDaysBy() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs)
            .played(DAY, players(10))
            .factorsWritten(DAY, players(10))
            .played(DAY.plusDays(2), players(8));

    var statuses =
        service(fixture).sweep(new SweepRequest(new DateRange(DAY, DAY.plusDays(2)), true, "r"));

    assertThat(statuses).containsExactly(CoverageStatus.COMPLETE, CoverageStatus.INCOMPLETE);
    assertThat(fixture.metadata(DAY.plusDays(1))).isEmpty();
  }

  @Test
  void aRedeliveredFailIsOneRowAndOneFailure() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, players(10)).factorsWritten(DAY, players(3));
    CoverageValidated fail =
        new CoverageValidated(
            "r1", DAY, Verdict.FAIL, 10, 3, DataSource.UPCG, null, "3 of 10 players");

    service(fixture).track(fail);
    CoverageStatus again = service(fixture).track(fail);

    assertThat(again).isEqualTo(CoverageStatus.INCOMPLETE);
    assertThat(fixture.failures()).hasSize(1);
    assertThat(fixture.metadata(DAY).orElseThrow().int64("actual_players")).isEqualTo(3);
  }
}
