package com.nbaprops.pcf.functions.upcomingtablescleanup;

import static com.google.common.truth.Truth.assertThat;
import static com.nbaprops.pcf.testing.RuntimeFixture.players;

import com.nbaprops.pcf.message.UpcomingTablesCleaned.TableCleanup;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Tables;
import com.nbaprops.pcf.testing.Faults;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One table's TTL: every stale date backed up and read back before anything is deleted. */
class StaleRowsCleanerTest {
  private static final LocalDate OLD = LocalDate.of(2023, 2, 20);
  private static final LocalDate OLDER = LocalDate.of(2023, 2, 19);
  private static final LocalDate CUTOFF = LocalDate.of(2023, 3, 3);
  private static final LocalDate RECENT = LocalDate.of(2023, 3, 5);
  @TempDir Path blobs;

  private RuntimeFixture fixture() {
    return new RuntimeFixture(blobs)
        .upcoming(OLDER, players(2))
        .upcoming(OLD, players(3))
        .upcoming(RECENT, players(4));
  }

  private static long rows(RuntimeFixture fixture) {
    return fixture
        .runtime()
        .warehouse()
        .query(Sql.of("SELECT COUNT(*) AS n FROM nba_analytics.upcoming_player_game_context"))
        .get(0)
        .int64("n");
  }

  private static TableCleanup clean(RuntimeFixture fixture, BlobStore blobs, boolean dryRun) {
    return new StaleRowsCleaner(
            fixture.runtime().warehouse(), blobs, fixture.runtime().config().catalog())
        .clean(Tables.UPCOMING_PLAYER_GAME_CONTEXT, CUTOFF, "run-1", dryRun);
  }

  @Test
  void staleDatesAreBackedUpOneObjectEachThenDeletedAndNothingAfterTheCutoff() {
    RuntimeFixture fixture = fixture();

    TableCleanup cleanup = clean(fixture, fixture.runtime().blobs(), false);

    assertThat(cleanup.errors()).isEmpty();
    assertThat(cleanup.backedUp()).isEqualTo(5);
    assertThat(cleanup.deleted()).isEqualTo(5);
    assertThat(cleanup.dates()).hasSize(2);
    assertThat(fixture.runtime().blobs().list("")).hasSize(2);
    assertThat(rows(fixture)).isEqualTo(4);
  }

  @Test
  void aDryRunCountsAndTouchesNothing() {
    RuntimeFixture fixture = fixture();

    TableCleanup cleanup = clean(fixture, fixture.runtime().blobs(), true);

    assertThat(cleanup.staleRows()).isEqualTo(5);
    assertThat(cleanup.deleted()).isEqualTo(0);
    assertThat(fixture.runtime().blobs().list("")).isEmpty();
    assertThat(rows(fixture)).isEqualTo(9);
  }

  @Test
  void aFailedBackupDeletesNothingAndSaysWhichDate() {
    RuntimeFixture fixture = fixture();
    BlobStore failingSecond =
        Faults.failingOnce(
            BlobStore.class,
            fixture.runtime().blobs(),
            "write",
            2,
            () -> new IllegalStateException("bucket quota exceeded"));

    TableCleanup cleanup = clean(fixture, failingSecond, false);

    assertThat(cleanup.deleted()).isEqualTo(0);
    assertThat(cleanup.errors()).hasSize(1);
    assertThat(cleanup.errors().get(0)).contains("backup of game_date " + OLD);
    assertThat(cleanup.errors().get(0)).contains("nothing was deleted");
    assertThat(rows(fixture)).isEqualTo(9);
  }
}
