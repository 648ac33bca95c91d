package com.nbaprops.pcf.functions.metadatatracking;

import static com.google.common.truth.Truth.assertThat;
import static com.nbaprops.pcf.testing.RuntimeFixture.players;

import com.nbaprops.pcf.adapter.embedded.AuditLogCloudEvents;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.testing.GoldenEvents;
import com.nbaprops.pcf.testing.RuntimeFixture;
import com.nbaprops.pcf.transport.TableWritten;
import io.cloudevents.CloudEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upstream table written, as BigQuery's audit log tells it through an Eventarc trigger. */
class LandingsTest {
  private static final LocalDate DAY = LocalDate.of(2023, 3, 9);
  private static final Instant WRITTEN = RuntimeFixture.NOW.minus(Duration.ofMinutes(5));
  @TempDir Path blobs;

  private static CloudEvent written(String dataset, String table, Instant at) {
    return AuditLogCloudEvents.tableDataChange(
        "local-project", dataset, table, "job_1", "entry-" + at.toEpochMilli(), at, 10, 0);
  }

  private static void deliver(RuntimeFixture fixture, CloudEvent event) {
    new MetadataTrackingFunction(fixture.runtime()).accept(event);
  }

  private static List<String> requested(RuntimeFixture fixture) {
    return fixture.published(Topic.COMPOSITE_FACTORS_REQUESTS).stream()
        .map(message -> message.data())
        .toList();
  }

  @Test
  void readsTheTableDataChangeTheTriggerDelivers() {
    TableWritten written =
        TableWritten.decode(GoldenEvents.load("bigquery-table-data-change")).orElseThrow();

    assertThat(written)
        .isEqualTo(
            new TableWritten(
                "nba-props",
                "nba_analytics",
                "player_game_summary",
                Optional.empty(),
                Instant.parse("2023-02-24T07:00:12.733421Z"),
                "projects/nba-props/jobs/job_Zq7x2cL0b3Vd9Ee1"));
  }

  @Test
  void readsTheCompletedLoadOfAPartition() {
    TableWritten written =
        TableWritten.decode(GoldenEvents.load("bigquery-job-completed")).orElseThrow();

    assertThat(written.table()).isEqualTo("team_offense_game_summary");
    assertThat(written.partition()).hasValue(LocalDate.of(2023, 2, 23));
  }

  @Test
  void theLocalBusCarriesTheEntryTheTriggerDelivers() {
    CloudEvent built =
        AuditLogCloudEvents.tableDataChange(
            "nba-props",
            "nba_analytics",
            "player_game_summary",
            "job_Zq7x2cL0b3Vd9Ee1",
            "1p3a8kxe2bdq",
            Instant.parse("2023-02-24T07:00:12.733421Z"),
            231,
            0);

    assertThat(TableWritten.decode(built))
        .isEqualTo(TableWritten.decode(GoldenEvents.load("bigquery-table-data-change")));
  }

  @Test
  void aNightsBurstOfWritesRequestsTheDateItCompletesOnce() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(10));

    deliver(fixture, written("nba_analytics", "player_game_summary", WRITTEN));
    deliver(fixture, written("nba_analytics", "team_offense_game_summary", WRITTEN));

    assertThat(requested(fixture)).hasSize(1);
    assertThat(requested(fixture).get(0)).contains("\"analysis_date\":\"2023-03-09\"");
    assertThat(fixture.failures().get(0).string("failure_category"))
        .isEqualTo("RECOMPUTE_REQUESTED");
  }

  @Test
  void aDateWhoseGamesAreNotAllInIsNotRequested() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs)
            .played(DAY, players(10))
            .scheduled(DAY, "BBB", "AAA", "FINAL")
            .scheduled(DAY, "DDD", "CCC", "FINAL");

    deliver(fixture, written("nba_analytics", "player_game_summary", WRITTEN));

    assertThat(requested(fixture)).isEmpty();
    assertThat(fixture.logged(com.nbaprops.pcf.logging.Severity.INFO, "inputs are still partial"))
        .isTrue();
  }

  @Test
  void aCompleteDateIsNotRequested() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(10));
    fixture.tracked(DAY, "COMPLETE", WRITTEN.minus(Duration.ofHours(1)));

    deliver(fixture, written("nba_analytics", "upcoming_team_game_context", WRITTEN));

    assertThat(requested(fixture)).isEmpty();
  }

  /**
   * Tracked INCOMPLETE after the write, from rows a computation may have made before it: the date
   * is still requested.
   */
  @Test
  void anIncompleteDateTrackedAfterTheWriteIsStillRequested() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(10));
    fixture.tracked(DAY, "INCOMPLETE", WRITTEN.plus(Duration.ofMinutes(1)));

    deliver(fixture, written("nba_analytics", "player_game_summary", WRITTEN));

    assertThat(requested(fixture)).hasSize(1);
  }

  @Test
  void aTableTheFactorsDoNotReadIsIgnored() {
    RuntimeFixture fixture = new RuntimeFixture(blobs).played(DAY, players(10));

    deliver(fixture, written("nba_analytics", "nba_schedule", WRITTEN));
    deliver(fixture, written("other_dataset", "player_game_summary", WRITTEN));

    assertThat(requested(fixture)).isEmpty();
  }
}
