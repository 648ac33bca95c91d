package com.nbaprops.pcf.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestParserTest {
  private static final LocalDate TODAY = LocalDate.of(2023, 3, 10);
  private final RequestParser parser = new RequestParser(TODAY, 400, () -> "run-new");

  @Test
  void readsADateRequest() {
    AnalysisRequest request =
        parser.parse("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true,\"force\":false}");
    assertThat(request).isEqualTo(DateRequest.backfill(LocalDate.of(2023, 2, 23), "run-new"));
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

  /** Each message that can never be processed, and what the rejection must say. */
  static Stream<Arguments> rejectedMessages() {
    return Stream.of(
        arguments("reprocess 2023-02-23 please", "not JSON"),
        arguments("[1,2]", "JSON object"),
        arguments("{\"force\":true}", "missing required field 'analysis_date'"),
        arguments("{\"analysis_date\":\"2023-02-30\"}", "not a valid date"),
        arguments(
            "{\"analysis_date\":\"2023-02-23\",\"isBackfill\":true}",
            "unknown field 'isBackfill' (did you mean 'backfill_mode'?)"),
        arguments("{\"analysis_date\":\"2023-02-23\",\"backfillMode\":true}", "'backfill_mode'"),
        arguments(
            "{\"analysis_date\":\"2023-02-23\",\"force\":\"yes\"}",
            "'force' must be true or false"),
        arguments(
            "{\"start_date\":\"2023-02-28\",\"end_date\":\"2023-02-01\"}", "is after end_date"),
        arguments("{\"start_date\":\"2023-03-01\",\"end_date\":\"2023-03-11\"}", "in the future"),
        arguments("{\"start_date\":\"2022-01-01\",\"end_date\":\"2023-03-01\"}", "at most 400"),
        arguments("{\"start_date\":\"2023-02-01\"}", "'end_date'"),
        arguments(
            "{\"analysis_date\":\"2023-02-23\",\"start_date\":\"2023-02-01\",\"end_date\":\"2023-02-02\"}",
            "not both"),
        arguments("{\"analysis_date\":\"2023-02-23\",\"run_id\":\"a b/c\"}", "run_id"),
        arguments("{\"analysis_date\":\"2032-02-23\"}", "ahead of today"),
        arguments("{\"all\":false}", "'all' can only be true"),
        arguments("{\"all\":true,\"start_date\":\"2023-02-01\"}", "give 'all' alone"),
        arguments("{\"all\":true,\"backfill_mode\":true}", "backfill_mode does not apply"),
        arguments("{\"analysis_dates\":[]}", "a chunk has 1 to 90"),
        arguments("{\"analysis_dates\":\"2023-02-01\"}", "must be an array"),
        arguments("{\"analysis_dates\":[20230201]}", "must hold dates as strings"),
        arguments(
            "{\"analysis_dates\":[\"2023-02-02\",\"2023-02-01\"]}",
            "increasing order without repeats"),
        arguments(
            "{\"analysis_dates\":[\"2023-02-01\",\"2023-02-01\"]}",
            "increasing order without repeats"),
        arguments("{\"analysis_dates\":[\"2023-03-11\"]}", "in the future"),
        arguments(
            "{\"analysis_dates\":[\"2023-02-01\"],\"analysis_date\":\"2023-02-01\"}",
            "give analysis_dates alone"),
        arguments(
            "{\"analysis_dates\":[\"2023-02-01\"],\"backfill_mode\":false}",
            "chunks always run as backfills"));
  }

  @Test
  void readsAChunkOfDatesAsTheFanOutWritesIt() {
    ChunkRequest chunk =
        new ChunkRequest(
            List.of(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 3)), true, "run-range");

    assertThat(parser.parse(chunk.toJson())).isEqualTo(chunk);
    assertThat(chunk.alone(LocalDate.of(2023, 2, 3)))
        .isEqualTo(DateRequest.backfill(LocalDate.of(2023, 2, 3), "run-range").forced(true));
  }

  @Test
  void allAsksForTheDataRange() {
    AnalysisRequest request = parser.parse("{\"all\":true,\"force\":true}");

    assertThat(request).isEqualTo(new AllDatesRequest(true, "run-new"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedMessages")
  void aMessageThatCanNeverBeProcessedIsRejectedWithItsReason(String message, String reason) {
    assertThat(
            assertThrows(InvalidMessageException.class, () -> parser.parse(message)).getMessage())
        .contains(reason);
  }
}
