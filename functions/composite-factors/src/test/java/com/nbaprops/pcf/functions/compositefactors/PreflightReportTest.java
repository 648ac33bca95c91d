package com.nbaprops.pcf.functions.compositefactors;

import static com.google.common.truth.Truth.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pre-flight says of a range, and what it tells the operator to do. */
class PreflightReportTest {
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  private static final LocalDate FEB_24 = LocalDate.of(2023, 2, 24);

  private static PreflightReport report(boolean forced, LocalDate cleanupCutoff) {
    return new PreflightReport(
        List.of(FEB_23, FEB_24),
        List.of(new PreflightReport.Issue(FEB_23, 1, 187)),
        List.of(),
        forced,
        cleanupCutoff);
  }

  @Test
  void aPartialContextStopsTheRangeAndNamesTheDate() {
    PreflightReport report = report(false, LocalDate.of(2023, 3, 3));

    assertThat(report.passed()).isFalse();
    assertThat(report.summary())
        .isEqualTo(
            "pre-flight: 2 game dates checked; partial upcoming context on 2023-02-23 (1 of 187"
                + " players); stopped: each date has a failure row with its remedy");
  }

  @Test
  void forceGoesAheadAndSaysTheFallbackReplacesThePartialContext() {
    PreflightReport report = report(true, LocalDate.of(2023, 3, 3));

    assertThat(report.passed()).isTrue();
    assertThat(report.describe()).contains("force is set: going ahead");
  }

  @Test
  void theCleanupIsARemedyOnlyForDatesBeforeItsCutoff() {
    assertThat(report(false, LocalDate.of(2023, 3, 3)).describe())
        .contains("(2) for 2023-02-23 only (before the TTL cutoff 2023-03-03)");
    assertThat(report(false, LocalDate.of(2023, 2, 1)).describe())
        .contains("the TTL cleanup does not help here");
  }
}
