package com.nbaprops.pcf.functions.metadatatracking;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.nbaprops.pcf.testing.RuntimeFixture.players;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.testing.Faults;
import com.nbaprops.pcf.testing.GoldenEvents;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metadata-tracking writes what the warehouse holds, whatever a message claims. */
class MetadataTrackingFunctionTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  @TempDir Path blobs;

  private static String verdict(String verdict, int actual, int expected) {
    return "{\"run_id\":\"r1\",\"analysis_date\":\"2023-02-23\",\"verdict\":\""
        + verdict
        + "\",\"expected_players\":"
        + expected
        + ",\"actual_players\":"
        + actual
        + ",\"reason\":\"test\"}";
  }

  private static void deliver(RuntimeFixture fixture, String message) {
    new MetadataTrackingFunction(fixture.runtime())
        .accept(GoldenEvents.carrying("coverage-validated", message));
  }

  @Test
  void aForgedPassOnADateWithNoRowsIsIncomplete() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(187));

    deliver(fixture, verdict("PASS", 187, 187));

    Row row = fixture.metadata(DAY).orElseThrow();
    assertThat(row.string("status")).isEqualTo("INCOMPLETE");
    assertThat(row.int64("actual_players")).isEqualTo(0);
    assertThat(row.int64("expected_players")).isEqualTo(187);
    assertThat(row.string("verdict")).isEqualTo("FAIL");
    assertThat(fixture.logged(Severity.WARNING, "the warehouse has 0 of 187")).isTrue();
  }

  @Test
  void countsBeyondThePlayersWhoPlayedAreNotBelieved() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, players(187)).factorsWritten(DAY, players(187));

    deliver(fixture, verdict("PASS", 500, 187));

    Row row = fixture.metadata(DAY).orElseThrow();
    assertThat(row.int64("actual_players")).isEqualTo(187);
    assertThat(row.float64("coverage_pct")).isEqualTo(100.0);
    assertThat(row.string("status")).isEqualTo("COMPLETE");
  }

  @Test
  void aVerdictLeftOutIsNamedAsMissing() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);

    deliver(fixture, verdict("PASS", 10, 10).replace("\"verdict\":\"PASS\",", ""));

    assertThat(fixture.metadata(DAY)).isEmpty();
    String reason = fixture.failures().get(0).string("failure_reason");
    assertThat(reason).contains("'verdict'");
    assertThat(reason).doesNotContain("unknown field");
  }

  @Test
  void negativeCountsAreRejectedAsInput() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);

    deliver(fixture, verdict("PASS", -5, -5));

    assertThat(fixture.metadata(DAY)).isEmpty();
    assertThat(fixture.failures()).hasSize(1);
    assertThat(fixture.failures().get(0).string("failure_reason")).contains("must not be negative");
  }

  @Test
  void aFailVerdictIsNeverCompleteEvenWithEveryPlayer() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, players(10)).factorsWritten(DAY, players(10));

    deliver(
        fixture,
        verdict("FAIL", 10, 10)
            .replace(
                "\"reason\"",
                "\"feature_report\":\"usage_rate 0.0% < 45.0% (critical)\",\"reason\""));

    assertThat(fixture.metadata(DAY).orElseThrow().string("status")).isEqualTo("INCOMPLETE");
    assertThat(fixture.failures()).hasSize(1);
    assertThat(fixture.failures().get(0).string("failure_category"))
        .isEqualTo("CRITICAL_FEATURE_SHORTFALL");
    assertThat(fixture.failures().get(0).string("failure_reason")).contains("usage_rate 0.0%");
    assertThat(
            fixture.logs().stream()
                .anyMatch(l -> l.startsWith("ERROR") && l.contains("alert=coverage")))
        .isTrue();
  }

  /** The dashboard counts dates by the status label of this line (a log-based metric). */
  @Test
  void theDatesLogLineCarriesItsStatusAndCoverageAsLabels() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, players(10)).factorsWritten(DAY, players(10));

    deliver(fixture, verdict("PASS", 10, 10));

    assertWithMessage("%s", fixture.logs())
        .that(
            fixture.logs().stream()
                .anyMatch(l -> l.contains("status=COMPLETE") && l.contains("coverage_pct=100.00")))
        .isTrue();
  }

  @Test
  void aCriticalFeatureShortfallFailsTheDateInTheSweepToo() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs, Map.of("FEATURE_THRESHOLDS", "usage_rate:45:critical"))
            .played(DAY, players(10))
            .factorsWritten(DAY, players(10));

    new MetadataTrackingFunction(fixture.runtime())
        .accept(
            GoldenEvents.carrying(
                "metadata-tracking-trigger",
                "{\"start_date\":\"2023-02-23\",\"end_date\":\"2023-02-23\",\"flag_incomplete\":true}"));

    Row row = fixture.metadata(DAY).orElseThrow();
    assertThat(row.string("status")).isEqualTo("INCOMPLETE");
    assertThat(row.string("verdict")).isEqualTo("FAIL");
    assertThat(fixture.failures().get(0).string("failure_category"))
        .isEqualTo("CRITICAL_FEATURE_SHORTFALL");
  }

  @Test
  void aBootstrapDayWithNothingWrittenIsSkipped() {
    LocalDate openingWeek = LocalDate.of(2022, 10, 20);
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(openingWeek, players(50));

    deliver(
        fixture,
        "{\"run_id\":\"r1\",\"analysis_date\":\"2022-10-20\",\"verdict\":\"SKIPPED\",\"reason\":\"bootstrap\"}");

    assertThat(fixture.metadata(openingWeek).orElseThrow().string("status")).isEqualTo("SKIPPED");
    assertThat(fixture.failures()).isEmpty();
  }

  private static MetadataTrackingFunction failing(RuntimeFixture fixture, String method, int nth) {
    PipelineRuntime runtime = fixture.runtime();
    return new MetadataTrackingFunction(
        runtime.withWarehouse(
            Faults.failingOnce(
                Warehouse.class,
                runtime.warehouse(),
                method,
                nth,
                () -> new WarehouseException("connection reset"))));
  }

  @Test
  void aMetadataWriteThatFailsWritesNothingAndIsRetried() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, players(10)).factorsWritten(DAY, players(10));

    assertThrows(
        WarehouseException.class,
        () ->
            failing(fixture, "replacePartition", 1)
                .accept(GoldenEvents.carrying("coverage-validated", verdict("PASS", 10, 10))));

    assertThat(fixture.metadata(DAY)).isEmpty();
    assertThat(fixture.failures()).isEmpty();
  }

  @Test
  void aResolutionThatFailsIsDoneByTheRetry() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(10));
    deliver(fixture, verdict("PASS", 0, 10)); // flags the date INCOMPLETE
    fixture.factorsWritten(DAY, players(10));

    assertThrows(
        WarehouseException.class,
        () ->
            failing(fixture, "execute", 1)
                .accept(GoldenEvents.carrying("coverage-validated", verdict("PASS", 10, 10))));
    assertThat(fixture.failures().get(0).string("resolution_status")).isEqualTo("UNRESOLVED");

    deliver(fixture, verdict("PASS", 10, 10)); // Pub/Sub's redelivery

    assertThat(fixture.metadata(DAY).orElseThrow().string("status")).isEqualTo("COMPLETE");
    assertThat(fixture.failures()).hasSize(1);
    assertThat(fixture.failures().get(0).string("resolution_status")).isEqualTo("RESOLVED");
  }

  private static void sweep(RuntimeFixture fixture) {
    new MetadataTrackingFunction(fixture.runtime())
        .accept(
            GoldenEvents.carrying(
                "metadata-tracking-trigger",
                "{\"start_date\":\"2023-02-23\",\"end_date\":\"2023-02-23\",\"flag_incomplete\":true}"));
  }

  @Test
  void withAutoHealTheSweepRequestsAnIncompleteDateOnceADay() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs, Map.of("AUTO_HEAL", "true")).played(DAY, players(10));

    sweep(fixture);
    sweep(fixture);

    var requests = fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS);
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).data()).contains("\"analysis_date\":\"2023-02-23\"");
    assertThat(requests.get(0).data()).contains("\"backfill_mode\":true");
    assertThat(fixture.logged(Severity.WARNING, "already requested today")).isTrue();
    assertThat(
            fixture.failures().stream()
                .filter(f -> f.string("failure_category").equals("AUTO_HEAL_REQUESTED"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void withoutAutoHealTheSweepOnlyReports() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(10));

    sweep(fixture);

    assertThat(fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS)).isEmpty();
    assertThat(fixture.metadata(DAY).orElseThrow().string("status")).isEqualTo("INCOMPLETE");
  }

  private static void computedFromTheStandIn(RuntimeFixture fixture) {
    fixture
        .runtime()
        .warehouse()
        .execute(
            Sql.of(
                    "UPDATE nba_precompute.player_composite_factors SET data_source = 'SYNTHETIC'"
                        + " WHERE game_date = @d")
                .date("d", DAY));
  }

  @Test
  void withAutoHealASyntheticDateIsRecomputedOnceItsUpcomingContextIsBack() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs, Map.of("AUTO_HEAL", "true"))
            .played(DAY, players(10))
            .upcoming(DAY, players(10))
            .factorsWritten(DAY, players(10));
    computedFromTheStandIn(fixture);

    sweep(fixture);

    assertThat(fixture.metadata(DAY).orElseThrow().string("status")).isEqualTo("COMPLETE");
    var requests = fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS);
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).data()).contains("\"backfill_mode\":true");
    assertThat(fixture.logged(Severity.INFO, "upcoming context now has 10 of 10")).isTrue();
  }

  /**
   * 9 of 10 is enough for the fallback to keep the upcoming context, but a rerun from it would
   * cover fewer players than the stand-in: it would be refused, and asked for again every day.
   */
  @Test
  void aSyntheticDateWhoseUpcomingContextLacksAPlayerIsLeftAsItIs() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs, Map.of("AUTO_HEAL", "true"))
            .played(DAY, players(10))
            .upcoming(DAY, players(9))
            .factorsWritten(DAY, players(10));
    computedFromTheStandIn(fixture);

    sweep(fixture);

    assertThat(fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS)).isEmpty();
  }

  @Test
  void aDateWrittenFromAShortUpcomingContextNamesItsTableAndWhatToRerun() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs)
            .played(DAY, players(10))
            .upcoming(DAY, players(1))
            .factorsWritten(DAY, players(1));

    sweep(fixture);

    String reason = fixture.failures().get(0).string("failure_reason");
    assertThat(reason)
        .contains("upcoming_player_game_context, which has 1 of the 10 players who played");
    assertThat(reason).contains("re-run its processor for 2023-02-23");
  }
}
