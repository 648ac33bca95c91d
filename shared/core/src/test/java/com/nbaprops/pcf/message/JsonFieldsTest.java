package com.nbaprops.pcf.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A message's fields, read strictly, refused in words that say what to write instead. */
class JsonFieldsTest {
  private static String refusal(Runnable read) {
    return assertThrows(InvalidMessageException.class, read::run).getMessage();
  }

  @Test
  void anUnknownKeyNamesTheKeyItWasMeantToBe() {
    String reason =
        refusal(
            () ->
                JsonFields.parse("{\"isBackfill\":true,\"Analysis-Date\":\"2023-02-23\"}")
                    .allowOnly(Set.of("analysis_date", "backfill_mode")));

    assertThat(reason).contains("unknown field 'isBackfill' (did you mean 'backfill_mode'?)");
    assertThat(reason).contains("unknown field 'Analysis-Date' (did you mean 'analysis_date'?)");
  }

  @Test
  void aDateOutsideTheLeaguesHistoryIsRefusedWithTheRange() {
    assertThat(refusal(() -> JsonFields.date("analysis_date", "1900-01-01")))
        .contains("outside the league's dates (1946-11-01 to 9999-12-31)");
    assertThat(refusal(() -> JsonFields.date("analysis_date", "2023-02-30")))
        .contains("is not a valid date (YYYY-MM-DD)");
    assertThat(JsonFields.date("analysis_date", "1946-11-01")).isEqualTo(LocalDate.of(1946, 11, 1));
  }

  @Test
  void aNullFieldIsAbsentAndAWrongTypeIsNamed() {
    JsonFields fields = JsonFields.parse("{\"force\":null,\"days\":\"7\",\"dry_run\":\"yes\"}");

    assertThat(fields.optionalBoolean("force", false)).isFalse();
    assertThat(refusal(() -> fields.optionalInt("days"))).contains("must be a whole number");
    assertThat(refusal(() -> fields.optionalBoolean("dry_run", false)))
        .contains("must be true or false");
  }

  @Test
  void countsAreWholeAndNotNegative() {
    assertThat(JsonFields.parse("{\"days\":7.0}").optionalCount("days")).isEqualTo(7);
    assertThat(refusal(() -> JsonFields.parse("{\"days\":7.5}").optionalCount("days")))
        .contains("whole number");
    assertThat(refusal(() -> JsonFields.parse("{\"days\":-1}").optionalCount("days")))
        .contains("must not be negative");
  }

  @Test
  void aRunIdMustBeSafeInLogsAndObjectNames() {
    assertThat(JsonFields.parse("{\"run_id\":\"run-20230310T170000Z-1a2b\"}").optionalRunId())
        .hasValue("run-20230310T170000Z-1a2b");
    assertThat(refusal(() -> JsonFields.parse("{\"run_id\":\"../../etc\"}").optionalRunId()))
        .contains("must be 1-128 letters");
  }

  @Test
  void aLongValueIsAbbreviatedInTheReason() {
    String reason = refusal(() -> JsonFields.date("analysis_date", "x".repeat(500)));

    assertThat(reason.length()).isLessThan(300);
    assertThat(reason).endsWith("...'");
  }
}
