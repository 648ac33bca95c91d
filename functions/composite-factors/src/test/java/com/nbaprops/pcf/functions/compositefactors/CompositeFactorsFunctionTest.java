package com.nbaprops.pcf.functions.compositefactors;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.testing.Faults;
import com.nbaprops.pcf.testing.GoldenEvents;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositeFactorsFunctionTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);

  @TempDir Path blobs;
  private RuntimeFixture fixture;
  private CompositeFactorsFunction function;

  @BeforeEach
  void setUp() {
    fixture = new RuntimeFixture(blobs);
    fixture.played(DAY.minusDays(1), "ann", "bob");
    fixture.played(DAY, "ann", "bob", "cal", "dee", "eve", "fay", "gus", "hal", "ivy", "jon");
    function = new CompositeFactorsFunction(fixture.runtime());
  }

  private FactorsComputed lastOutcome() {
    var messages = fixture.published(Topic.COMPOSITE_FACTORS_COMPUTED);
    return FactorsComputed.fromJson(messages.get(messages.size() - 1).data());
  }

  @Test
  void computesADateFromAPubSubEvent() {
    fixture.upcoming(DAY, "ann", "bob", "cal", "dee", "eve", "fay", "gus", "hal", "ivy", "jon");

    function.accept(
        GoldenEvents.request(
            "{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true,\"run_id\":\"r1\"}"));

    assertThat(fixture.factors(DAY)).hasSize(10);
    FactorsComputed outcome = lastOutcome();
    assertThat(outcome.status()).isEqualTo(FactorsComputed.Status.COMPUTED);
    assertThat(outcome.dataSource()).isEqualTo(DataSource.UPCG);
    assertThat(outcome.runId()).isEqualTo("r1");
    assertThat(fixture.published(Topic.COMPOSITE_FACTORS_COMPUTED).get(0).attributes())
        .containsExactly("run_id", "r1", "analysis_date", "2023-02-23");
  }

  @Test
  void partialUpcomingContextFallsBackToTheBoxScores() {
    fixture.upcoming(DAY, "ann");

    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}"));

    assertThat(fixture.factors(DAY)).hasSize(10);
    assertThat(fixture.factors(DAY).get(0).string("data_source")).isEqualTo("SYNTHETIC");
    assertThat(
            fixture.logged(
                Severity.WARNING,
                "upcoming_player_game_context 1 players, player_game_summary 10 players"))
        .isTrue();
  }

  @Test
  void syntheticContextSeesYesterdaysGameAsABackToBack() {
    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}"));

    var ann = fixture.factors(DAY).get(0);
    assertThat(ann.string("player_lookup")).isEqualTo("ann");
    assertThat(ann.int64("fatigue_score")).isEqualTo(85);
    assertThat(fixture.factors(DAY).get(2).int64("fatigue_score")).isEqualTo(100);
  }

  @Test
  void reprocessingADateLeavesOneCopy() {
    String request = "{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}";
    function.accept(GoldenEvents.request(request));
    function.accept(GoldenEvents.request(request));

    assertThat(fixture.factors(DAY)).hasSize(10);
  }

  @Test
  void bootstrapDayThirteenIsSkippedAndDayFourteenComputed() {
    fixture.played(LocalDate.of(2022, 10, 31), "ann").played(LocalDate.of(2022, 11, 1), "ann");

    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2022-10-31\",\"backfill_mode\":true}"));
    assertThat(lastOutcome().status()).isEqualTo(FactorsComputed.Status.SKIPPED_BOOTSTRAP);
    assertThat(fixture.factors(LocalDate.of(2022, 10, 31))).isEmpty();

    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2022-11-01\",\"backfill_mode\":true}"));
    assertThat(lastOutcome().status()).isEqualTo(FactorsComputed.Status.COMPUTED);
    assertThat(fixture.factors(LocalDate.of(2022, 11, 1))).hasSize(1);
  }

  @Test
  void productionModeWithoutContextKeepsTheDatesRows() {
    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}"));

    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":false}"));

    assertThat(lastOutcome().status()).isEqualTo(FactorsComputed.Status.NO_INPUT);
    assertThat(fixture.factors(DAY)).hasSize(10);
    assertThat(fixture.failures().get(0).string("failure_category")).isEqualTo("NO_INPUT");
  }

  @Test
  void aMisspelledFlagIsAcknowledgedAndRecorded() {
    function.accept(GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"isBackfill\":true}"));

    assertThat(fixture.factors(DAY)).isEmpty();
    assertThat(fixture.failures()).hasSize(1);
    assertThat(fixture.failures().get(0).string("failure_reason"))
        .contains("did you mean 'backfill_mode'");
    assertThat(fixture.failures().get(0).string("failure_category")).isEqualTo("INVALID_MESSAGE");
  }

  @Test
  void aRedeliveredBadMessageIsRecordedOnce() {
    function.accept(GoldenEvents.request("not json"));
    function.accept(GoldenEvents.request("not json"));

    assertThat(fixture.failures()).hasSize(1);
  }

  @Test
  void aWarehouseOutageThrowsSoPubSubRetries() {
    fixture.runtime().warehouse().close();

    assertThrows(
        WarehouseException.class,
        () ->
            function.accept(
                GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}")));
  }

  @Test
  void aReplaceThatFailsLeavesTheDatesRowsAsTheyWereAndPublishesNothing() {
    fixture.upcoming(DAY, "ann", "bob", "cal", "dee", "eve", "fay", "gus", "hal", "ivy", "jon");
    function.accept(
        GoldenEvents.request("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}"));
    var before = fixture.factors(DAY);
    int published = fixture.published(Topic.COMPOSITE_FACTORS_COMPUTED).size();
    PipelineRuntime runtime = fixture.runtime();
    var failing =
        new CompositeFactorsFunction(
            runtime.withWarehouse(
                Faults.failingFrom(
                    Warehouse.class,
                    runtime.warehouse(),
                    "replacePartition",
                    1,
                    () -> new WarehouseException("No space left on device"))));

    assertThrows(
        WarehouseException.class,
        () ->
            failing.accept(
                GoldenEvents.request(
                    "{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true,\"run_id\":\"r2\"}")));

    assertThat(fixture.factors(DAY)).isEqualTo(before);
    assertThat(fixture.published(Topic.COMPOSITE_FACTORS_COMPUTED)).hasSize(published);
  }

  @Test
  void aRangeFansOutItsGameDatesInChunksOfTheConfiguredSize() {
    RuntimeFixture chunked =
        new RuntimeFixture(blobs.resolve("chunked"), Map.of("RANGE_CHUNK_DAYS", "2"));
    CompositeFactorsFunction function = new CompositeFactorsFunction(chunked.runtime());
    chunked
        .played(DAY.minusDays(1), "ann")
        .played(DAY, "ann", "bob")
        .played(DAY.plusDays(2), "ann");
    chunked
        .bus()
        .subscribe(
            chunked.runtime().config().topic(Topic.COMPOSITE_FACTORS_REQUESTS),
            "composite-factors",
            function);

    function.accept(
        GoldenEvents.request(
            "{\"start_date\":\"2023-02-20\",\"end_date\":\"2023-02-28\",\"run_id\":\"bf\"}"));

    var requests = chunked.published(Topic.COMPOSITE_FACTORS_REQUESTS);
    assertThat(requests.stream().map(m -> m.attributes().get("analysis_dates")).toList())
        .containsExactly("2023-02-22 2023-02-23", null)
        .inOrder();
    assertThat(requests.get(1).attributes()).containsEntry("analysis_date", "2023-02-25");
    var computed = chunked.published(Topic.COMPOSITE_FACTORS_COMPUTED);
    assertThat(computed).hasSize(2);
    assertThat(DateChunk.OUTCOMES.fromJson(computed.get(0).data()).dates())
        .containsExactly(DAY.minusDays(1), DAY)
        .inOrder();
    assertThat(chunked.factors(DAY)).hasSize(2);
    assertThat(chunked.factors(DAY.minusDays(1))).hasSize(1);
  }

  @Test
  void withOneDateAChunkARangeFansOutOneRequestPerGameDate() {
    RuntimeFixture perDate =
        new RuntimeFixture(blobs.resolve("per-date"), Map.of("RANGE_CHUNK_DAYS", "1"));
    CompositeFactorsFunction function = new CompositeFactorsFunction(perDate.runtime());
    perDate.played(DAY.minusDays(1), "ann").played(DAY, "ann").played(DAY.plusDays(2), "ann");
    perDate
        .bus()
        .subscribe(
            perDate.runtime().config().topic(Topic.COMPOSITE_FACTORS_REQUESTS),
            "composite-factors",
            function);

    function.accept(
        GoldenEvents.request(
            "{\"start_date\":\"2023-02-20\",\"end_date\":\"2023-02-28\",\"run_id\":\"bf\"}"));

    var requests = perDate.published(Topic.COMPOSITE_FACTORS_REQUESTS);
    assertThat(requests.stream().map(m -> m.attributes().get("analysis_date")).toList())
        .containsExactly("2023-02-22", "2023-02-23", "2023-02-25")
        .inOrder();
    assertThat(perDate.published(Topic.COMPOSITE_FACTORS_COMPUTED)).hasSize(3);
  }

  @Test
  void allAsksForTheDataRangeInRangesOfTheConfiguredLength() {
    RuntimeFixture small = new RuntimeFixture(blobs.resolve("all"), Map.of("MAX_RANGE_DAYS", "1"));
    small.played(DAY.minusDays(1), "ann").played(DAY, "ann");

    new CompositeFactorsFunction(small.runtime())
        .accept(GoldenEvents.request("{\"all\":true,\"run_id\":\"everything\"}"));

    assertThat(
            small.published(Topic.COMPOSITE_FACTORS_REQUESTS).stream()
                .map(m -> m.data().replaceAll(",\"force\".*", ""))
                .toList())
        .containsExactly(
            "{\"start_date\":\"2023-02-22\",\"end_date\":\"2023-02-22\"",
            "{\"start_date\":\"2023-02-23\",\"end_date\":\"2023-02-23\"")
        .inOrder();
  }

  @Test
  void aRangeWithNoGameIsRefusedAndRecorded() {
    function.accept(
        GoldenEvents.request(
            "{\"start_date\":\"2019-01-01\",\"end_date\":\"2019-01-31\",\"run_id\":\"typo\"}"));

    assertThat(fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS)).isEmpty();
    assertThat(fixture.failures().get(0).string("failure_reason")).contains("no scheduled game");
  }

  @Test
  void aRangeWithAPartialDateStopsBeforeFanningOut() {
    fixture.upcoming(DAY, "ann");

    function.accept(
        GoldenEvents.request("{\"start_date\":\"2023-02-20\",\"end_date\":\"2023-02-28\"}"));

    assertThat(fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS)).isEmpty();
    assertThat(fixture.failures().get(0).string("failure_category"))
        .isEqualTo("PARTIAL_UPCOMING_CONTEXT");
    assertThat(fixture.logged(Severity.ERROR, "partial upcoming context on 2023-02-23 (1 of 10"))
        .isTrue();
    // One line: the text log would show a newline as a literal \n.
    assertThat(
            fixture.logs().stream().filter(line -> line.contains("pre-flight")).toList().toString())
        .doesNotContain("\n");
  }
}
