package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import org.junit.jupiter.api.Test;

class CoverageGateTest {
  private final CoverageGate gate = new CoverageGate(90.0, 95.0);

  @Test
  void anOffDayPasses() {
    assertThat(gate.verdict(0, 0)).isEqualTo(Verdict.PASS);
  }

  @Test
  void everyPlayerPasses() {
    assertThat(gate.verdict(187, 187)).isEqualTo(Verdict.PASS);
  }

  @Test
  void ninetyFivePercentPasses() {
    assertThat(gate.verdict(190, 200)).isEqualTo(Verdict.PASS);
  }

  @Test
  void betweenNinetyAndNinetyFiveWarnsButPasses() {
    assertThat(gate.verdict(180, 200)).isEqualTo(Verdict.WARN);
    assertThat(gate.verdict(189, 200)).isEqualTo(Verdict.WARN);
    assertThat(Verdict.WARN.passes()).isTrue();
  }

  @Test
  void halfThePlayersFails() {
    assertThat(gate.verdict(94, 187)).isEqualTo(Verdict.FAIL);
  }

  @Test
  void theIncidentFails() {
    assertThat(gate.verdict(1, 187)).isEqualTo(Verdict.FAIL);
    assertThat(gate.verdict(179, 200)).isEqualTo(Verdict.FAIL);
  }

  @Test
  void anErrorNeverPasses() {
    assertThat(Verdict.ERROR.passes()).isFalse();
    assertThat(Verdict.FAIL.passes()).isFalse();
  }
}
