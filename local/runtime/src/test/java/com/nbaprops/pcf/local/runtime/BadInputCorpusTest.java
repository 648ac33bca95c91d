package com.nbaprops.pcf.local.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import com.nbaprops.pcf.testing.GoldenEvents;
import com.nbaprops.pcf.testing.RuntimeFixture;
import io.cloudevents.CloudEvent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages that can never be processed, on every topic a function listens to. Each must be
 * acknowledged (no exception, so Pub/Sub does not retry it), recorded as one INVALID_MESSAGE
 * failure whose reason says what is wrong, and change nothing else: no table row, no message.
 * ({@code upcoming-tables-cleaned} has no subscriber, so no function can receive a bad one.)
 */
class BadInputCorpusTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  private static final String LONG = "x".repeat(200);

  @TempDir Path blobs;

  /** A message for the function on {@code topic}'s golden event. */
  private static Arguments message(
      SuiteFunction function, String golden, String data, String reason) {
    return arguments(function, GoldenEvents.carrying(golden, data), reason);
  }

  private static Arguments request(String data, String reason) {
    return message(SuiteFunction.COMPOSITE_FACTORS, "composite-factors-request", data, reason);
  }

  private static Arguments computed(String data, String reason) {
    return message(SuiteFunction.COVERAGE_VALIDATION, "composite-factors-computed", data, reason);
  }

  private static Arguments validated(String data, String reason) {
    return message(SuiteFunction.METADATA_TRACKING, "coverage-validated", data, reason);
  }

  private static Arguments sweep(String data, String reason) {
    return message(SuiteFunction.METADATA_TRACKING, "metadata-tracking-trigger", data, reason);
  }

  private static Arguments cleanup(String data, String reason) {
    return message(
        SuiteFunction.UPCOMING_TABLES_CLEANUP, "upcoming-tables-cleanup-trigger", data, reason);
  }

  static Stream<Arguments> corpus() {
    String ok = "\"run_id\":\"r\",\"analysis_date\":\"2023-02-23\"";
    return Stream.of(
        // composite-factors-requests: not JSON, not an object
        request("not json", "not JSON"),
        request("", "not JSON"),
        request("[1,2]", "JSON object"),
        request("null", "JSON object"),
        request("42", "JSON object"),
        request("\"2023-02-23\"", "JSON object"),
        // lenient JSON that a strict reader refuses
        request("{analysis_date:\"2023-02-23\"}", "not JSON"),
        request("{'analysis_date':'2023-02-23'}", "not JSON"),
        request("{\"analysis_date\":\"2023-02-23\" /* x */}", "not JSON"),
        request("{\"analysis_date\":\"2023-02-23\"} {}", "not JSON (malformed at line 1 column"),
        request("{\"analysis_date\":\"2023-02-23\";\"backfill_mode\":true}", "not JSON"),
        request(
            "{\"analysis_date\":\"2023-02-23\",\"force\":false,\"force\":true}",
            "'force' appears more than once"),
        request("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "deeper than"),
        // the date
        request("{}", "missing required field 'analysis_date'"),
        request("{\"analysis_date\":null}", "missing required field 'analysis_date'"),
        request("{\"analysis_date\":20230223}", "must be a string"),
        request("{\"analysis_date\":\"2023-02-30\"}", "not a valid date"),
        request("{\"analysis_date\":\"2023-2-3\"}", "not a valid date"),
        request("{\"analysis_date\":\"23-02-2023\"}", "not a valid date"),
        request("{\"analysis_date\":\"yesterday\"}", "not a valid date"),
        request("{\"analysis_date\":\"auto\"}", "not a valid date"),
        request("{\"analysis_date\":\"2023-02-23\\u0000\"}", "not a valid date"),
        request("{\"analysis_date\":\"0000-01-01\"}", "outside the league's dates"),
        request("{\"analysis_date\":\"0001-01-01\"}", "outside the league's dates"),
        request("{\"analysis_date\":\"1900-01-01\"}", "outside the league's dates"),
        request("{\"analysis_date\":\"-999999999-01-01\"}", "outside the league's dates"),
        request("{\"analysis_date\":\"+10000-01-01\"}", "outside the league's dates"),
        request("{\"analysis_date\":\"2032-02-23\"}", "ahead of today"),
        // flags, keys and run ids
        request(
            "{\"analysis_date\":\"2023-02-23\",\"isBackfill\":true}",
            "unknown field 'isBackfill' (did you mean 'backfill_mode'?)"),
        request("{\"analysis_date\":\"2023-02-23\",\"extra\":{}}", "unknown field 'extra'"),
        request("{\"analysis_date\":\"2023-02-23\",\"force\":\"yes\"}", "must be true or false"),
        request("{\"analysis_date\":\"2023-02-23\",\"force\":1}", "must be true or false"),
        request("{\"analysis_date\":\"2023-02-23\",\"run_id\":\"a b/c\"}", "run_id"),
        request("{\"analysis_date\":\"2023-02-23\",\"run_id\":\"\"}", "run_id"),
        request("{\"analysis_date\":\"2023-02-23\",\"run_id\":\"" + LONG + "\"}", "run_id"),
        // ranges
        request("{\"start_date\":\"2023-02-28\",\"end_date\":\"2023-02-01\"}", "is after end_date"),
        request("{\"start_date\":\"2023-02-01\"}", "'end_date'"),
        request("{\"end_date\":\"2023-02-01\"}", "'start_date'"),
        request("{\"start_date\":\"2022-01-01\",\"end_date\":\"2023-03-01\"}", "at most 400"),
        request("{\"start_date\":\"2023-03-01\",\"end_date\":\"2023-03-11\"}", "in the future"),
        request(
            "{\"analysis_date\":\"2023-02-23\",\"start_date\":\"2023-02-01\",\"end_date\":\"2023-02-02\"}",
            "not both"),
        request(
            "{\"start_date\":\"2023-02-01\",\"end_date\":\"2023-02-02\",\"backfill_mode\":true}",
            "backfill_mode does not apply"),
        request("{\"analysis_dates\":[]}", "a chunk has 1 to 90"),
        request(
            "{\"analysis_dates\":[\"2023-02-02\",\"2023-02-01\"]}",
            "increasing order without repeats"),
        // composite-factors-computed
        computed("{}", "missing required field 'run_id'"),
        computed("{" + ok + ",\"status\":\"DONE\"}", "unknown value 'DONE'"),
        computed(
            "{" + ok + ",\"status\":\"COMPUTED\",\"players_written\":-1}", "must not be negative"),
        computed(
            "{" + ok + ",\"status\":\"COMPUTED\",\"data_source\":\"CSV\"}", "unknown value 'CSV'"),
        computed(
            "{" + ok + ",\"status\":\"COMPUTED\",\"force\":\"true\"}", "must be true or false"),
        computed(
            "{" + ok + ",\"status\":\"COMPUTED\",\"expected_players\":1.5}",
            "must be a whole number"),
        computed(
            "{\"run_id\":\"r\",\"analysis_date\":\"0000-01-01\",\"status\":\"COMPUTED\"}",
            "outside the league's dates"),
        computed("{" + ok + ",\"status\":\"COMPUTED\",\"status\":\"NO_INPUT\"}", "more than once"),
        computed("{\"run_id\":\"r\",\"outcomes\":[]}", "at least one date"),
        computed("{\"run_id\":\"r\",\"outcomes\":{}}", "must be an array"),
        computed("{\"run_id\":\"r\",\"outcomes\":[1]}", "must hold objects"),
        computed(
            "{\"run_id\":\"r\",\"outcomes\":[{\"run_id\":\"s\",\"analysis_date\":\"2023-02-23\","
                + "\"status\":\"COMPUTED\"}]}",
            "another run"),
        computed(
            "{\"run_id\":\"r\",\"outcomes\":[{" + ok + ",\"status\":\"DONE\"}]}",
            "unknown value 'DONE'"),
        // coverage-validated
        validated("{\"verdict\":\"PASS\"}", "missing required field 'run_id'"),
        validated("{" + ok + ",\"verdict\":\"GREAT\"}", "unknown value 'GREAT'"),
        validated(
            "{" + ok + ",\"verdict\":\"PASS\",\"expected_players\":-5,\"actual_players\":-5}",
            "must not be negative"),
        validated("{" + ok + ",\"verdict\":\"PASS\",\"expected_players\":\"187\"}", "whole number"),
        validated(
            "{\"run_id\":\"r\",\"analysis_date\":\"1900-01-01\",\"verdict\":\"PASS\"}",
            "outside the league's dates"),
        validated("{" + ok + ",\"verdict\":\"PASS\",\"verdict\":\"FAIL\"}", "more than once"),
        validated("{\"run_id\":\"r\",\"verdicts\":[]}", "at least one date"),
        validated(
            "{\"run_id\":\"r\",\"verdicts\":[{" + ok + ",\"verdict\":\"GREAT\"}]}",
            "unknown value 'GREAT'"),
        // metadata-tracking-trigger
        sweep("{\"days\":0}", "days must be between 1"),
        sweep("{\"days\":-3}", "days must be between 1"),
        sweep("{\"days\":\"7\"}", "whole number"),
        sweep("{\"days\":7,\"flag_incomplete\":\"yes\"}", "must be true or false"),
        sweep("{\"start_date\":\"2023-02-01\"}", "'end_date'"),
        sweep("{\"dayz\":7}", "unknown field 'dayz'"),
        sweep("{\"days\":7,\"start_date\":\"2023-02-01\",\"end_date\":\"2023-02-02\"}", "not both"),
        // upcoming-tables-cleanup-trigger
        cleanup("{\"trigger\":\"scheduled\",\"ttl_days\":0}", "a TTL of 0"),
        cleanup("{\"trigger\":\"scheduled\",\"ttl_days\":99999}", "between 1 and 3650"),
        cleanup("{\"trigger\":\"scheduled\",\"dry_run\":\"no\"}", "must be true or false"),
        cleanup("{\"ttl\":7}", "unknown field 'ttl'"),
        cleanup("not json", "not JSON"),
        // the event around the message
        arguments(
            SuiteFunction.COMPOSITE_FACTORS,
            GoldenEvents.ofType(
                "composite-factors-request", "google.cloud.storage.object.v1.finalized"),
            "not a Pub/Sub message"),
        arguments(
            SuiteFunction.COVERAGE_VALIDATION,
            GoldenEvents.withRawData("composite-factors-computed", "{\"subscription\":\"s\"}"),
            "has no 'message' field"),
        arguments(
            SuiteFunction.METADATA_TRACKING,
            GoldenEvents.withRawData("coverage-validated", "{\"message\":"),
            "not JSON"),
        arguments(
            SuiteFunction.UPCOMING_TABLES_CLEANUP,
            GoldenEvents.withRawData(
                "upcoming-tables-cleanup-trigger", "{\"message\":{\"data\":\"%%%\"}}"),
            "does not carry a Pub/Sub message"));
  }

  private static Map<String, Long> rowCounts(RuntimeFixture fixture) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TableDefinition table : Tables.ALL) {
      String name = fixture.runtime().config().catalog().qualifiedName(table);
      counts.put(
          name,
          fixture
              .runtime()
              .warehouse()
              .query(Sql.of("SELECT COUNT(*) AS n FROM " + name))
              .get(0)
              .int64("n"));
    }
    return counts;
  }

  @ParameterizedTest(name = "[{index}] {0}: {2}")
  @MethodSource("corpus")
  void isAcknowledgedRecordedWithItsReasonAndChangesNothingElse(
      SuiteFunction function, CloudEvent event, String reason) throws Exception {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, "ann", "bob").upcoming(DAY, "ann", "bob");
    Map<String, Long> before = rowCounts(fixture);

    function.create(fixture.runtime()).accept(event);

    List<Row> failures = fixture.failures();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).string("failure_category")).isEqualTo("INVALID_MESSAGE");
    assertThat(failures.get(0).string("processor_name")).isEqualTo(function.functionName());
    assertThat(failures.get(0).string("failure_reason")).contains(reason);
    Map<String, Long> after = rowCounts(fixture);
    after.merge(
        fixture.runtime().config().catalog().qualifiedName(Tables.PRECOMPUTE_FAILURES),
        -1L,
        Long::sum);
    assertThat(after).isEqualTo(before);
    assertThat(fixture.bus().published()).isEmpty();
  }
}
