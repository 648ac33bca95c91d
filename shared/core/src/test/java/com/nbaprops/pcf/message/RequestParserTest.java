package com.nbaprops.pcf.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RequestParserTest {
  private static final LocalDate TODAY = LocalDate.of(2023, 3, 10);
  private final RequestParser parser = new RequestParser(TODAY, 400, () -> "run-new");

  private String rejection(String json) {
    return assertThrows(InvalidMessageException.class, () -> parser.parse(json)).getMessage();
  }

  @Test
  void readsADateRequest() {
    AnalysisRequest request =
        parser.parse("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true,\"force\":false}");
    assertThat(request)
        .isEqualTo(new DateRequest(LocalDate.of(2023, 2, 23), true, false, "run-new"));
  }

  @Test
  void keepsTheSendersRunId() {
    assertThat(parser.parse("{\"analysis_date\":\"2023-02-23\",\"run_id\":\"run-1\"}").runId())
        .isEqualTo("run-1");
  }

  @Test
  void autoMeansYesterdayAndTodayMeansToday() {
    assertThat(((DateRequest) parser.parse("{\"analysis_date\":\"AUTO\"}")).analysisDate())
        .isEqualTo(TODAY.minusDays(1));
    assertThat(((DateRequest) parser.parse("{\"analysis_date\":\"TODAY\"}")).analysisDate())
        .isEqualTo(TODAY);
  }

  @Test
  void readsARange() {
    RangeRequest range =
        (RangeRequest)
            parser.parse(
                "{\"start_date\":\"2023-02-01\",\"end_date\":\"2023-02-28\",\"force\":true}");
    assertThat(range.range().days()).isEqualTo(28);
    assertThat(range.force()).isTrue();
  }

  @Test
  void rejectsText() {
    assertThat(rejection("reprocess 2023-02-23 please")).contains("not JSON");
  }

  @Test
  void rejectsAJsonArray() {
    assertThat(rejection("[1,2]")).contains("JSON object");
  }

  @Test
  void rejectsAMissingDate() {
    assertThat(rejection("{\"force\":true}")).contains("missing required field 'analysis_date'");
  }

  @Test
  void rejectsAnImpossibleDate() {
    assertThat(rejection("{\"analysis_date\":\"2023-02-30\"}")).contains("not a valid date");
  }

  @Test
  void rejectsAMisspelledBackfillFlagAndNamesTheRealOne() {
    assertThat(rejection("{\"analysis_date\":\"2023-02-23\",\"isBackfill\":true}"))
        .contains("unknown field 'isBackfill' (did you mean 'backfill_mode'?)");
    assertThat(rejection("{\"analysis_date\":\"2023-02-23\",\"backfillMode\":true}"))
        .contains("'backfill_mode'");
  }

  @Test
  void rejectsAFlagThatIsNotABoolean() {
    assertThat(rejection("{\"analysis_date\":\"2023-02-23\",\"force\":\"yes\"}"))
        .contains("'force' must be true or false");
  }

  @Test
  void rejectsAReversedRange() {
    assertThat(rejection("{\"start_date\":\"2023-02-28\",\"end_date\":\"2023-02-01\"}"))
        .contains("is after end_date");
  }

  @Test
  void rejectsARangeEndingInTheFuture() {
    assertThat(rejection("{\"start_date\":\"2023-03-01\",\"end_date\":\"2023-03-11\"}"))
        .contains("in the future");
  }

  @Test
  void rejectsARangeLongerThanTheLimit() {
    assertThat(rejection("{\"start_date\":\"2022-01-01\",\"end_date\":\"2023-03-01\"}"))
        .contains("at most 400");
  }

  @Test
  void rejectsAHalfRange() {
    assertThat(rejection("{\"start_date\":\"2023-02-01\"}")).contains("'end_date'");
  }

  @Test
  void rejectsBothShapesAtOnce() {
    assertThat(
            rejection(
                "{\"analysis_date\":\"2023-02-23\",\"start_date\":\"2023-02-01\",\"end_date\":\"2023-02-02\"}"))
        .contains("not both");
  }

  @Test
  void rejectsAnUnsafeRunId() {
    assertThat(rejection("{\"analysis_date\":\"2023-02-23\",\"run_id\":\"a b/c\"}"))
        .contains("run_id");
  }

  @Test
  void rejectsADateFarInTheFuture() {
    assertThat(rejection("{\"analysis_date\":\"2032-02-23\"}")).contains("ahead of today");
  }
}
