package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class CoverageStatusTest {
  @Test
  void everyPlayerIsComplete() {
    assertThat(CoverageStatus.of(187, 187, 90)).isEqualTo(CoverageStatus.COMPLETE);
    assertThat(CoverageStatus.of(190, 187, 90)).isEqualTo(CoverageStatus.COMPLETE);
    assertThat(CoverageStatus.of(0, 0, 90)).isEqualTo(CoverageStatus.COMPLETE);
  }

  @Test
  void oneMissingPlayerIsLow() {
    assertThat(CoverageStatus.of(186, 187, 90)).isEqualTo(CoverageStatus.LOW);
  }

  @Test
  void exactlyNinetyPercentIsLow() {
    assertThat(CoverageStatus.of(180, 200, 90)).isEqualTo(CoverageStatus.LOW);
  }

  @Test
  void underNinetyPercentIsIncomplete() {
    assertThat(CoverageStatus.of(179, 200, 90)).isEqualTo(CoverageStatus.INCOMPLETE);
    assertThat(CoverageStatus.of(94, 187, 90)).isEqualTo(CoverageStatus.INCOMPLETE);
  }
}
