package com.nbaprops.pcf.local.operations;

import static com.google.common.truth.Truth.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A date that is not done gets one line the operator reads, its cause first. */
class NotDoneLineTest {
  private static final LocalDate DATE = LocalDate.of(2023, 2, 13);

  @Test
  void theLineIsTheCausesFirstLine() {
    assertThat(RunResults.notDone(DATE, "query failed: column x is missing\nWITH today AS (..."))
        .isEqualTo("  NOT DONE 2023-02-13: query failed: column x is missing");
  }

  @Test
  void aLongCauseIsClippedWithWhereToReadTheRest() {
    String line = RunResults.notDone(DATE, "dead-lettered: " + "x".repeat(1000));

    assertThat(line.length()).isEqualTo(RunResults.MAX_LINE);
    assertThat(line).endsWith("(the whole error: ./pipeline deadletters, or -v)");
  }
}
