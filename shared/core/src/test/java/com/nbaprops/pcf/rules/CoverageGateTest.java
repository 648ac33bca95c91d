package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CoverageGateTest {
  private final CoverageGate gate = new CoverageGate(90.0, 95.0);

  @ParameterizedTest(name = "{0} of {1} players: {2}")
  @CsvSource({
    "0,   0,   PASS", // an off day
    "187, 187, PASS",
    "190, 200, PASS", // exactly 95%
    "189, 200, WARN",
    "180, 200, WARN", // exactly 90%
    "179, 200, FAIL",
    "94,  187, FAIL",
    "1,   187, FAIL", // the incident
  })
  void theVerdictFollowsTheThresholds(int actual, int expected, Verdict verdict) {
    assertThat(gate.verdict(actual, expected)).isEqualTo(verdict);
  }

  @Test
  void aWarningStillPasses() {
    assertThat(Verdict.WARN.passes()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Verdict.class,
      names = {"FAIL", "ERROR"})
  void aFailureOrAnErrorNeverPasses(Verdict verdict) {
    assertThat(verdict.passes()).isFalse();
  }
}
