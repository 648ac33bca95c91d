package com.nbaprops.pcf.functions.upcomingtablescleanup;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.adapter.embedded.LocalDirectoryBlobStore;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupService.CleanupFailedException;
import com.nbaprops.pcf.message.CleanupRequest;
import com.nbaprops.pcf.message.UpcomingTablesCleaned;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import com.nbaprops.pcf.testing.Faults;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Today is 2023-03-10 in New York, so with the default TTL of 7 days the cutoff is 2023-03-03. */
class UpcomingTablesCleanupServiceTest {
  private static final LocalDate CUTOFF = LocalDate.of(2023, 3, 3);
  private static final LocalDate STALE_1 = CUTOFF.minusDays(2);
  private static final LocalDate STALE_2 = CUTOFF.minusDays(1);

  @TempDir Path blobDir;
  private RuntimeFixture fixture;
  private PipelineRuntime runtime;

  @BeforeEach
  void setUp() {
    start(Map.of(), new LocalDirectoryBlobStore(blobDir));
  }

  /**
   * A fresh warehouse with 3 + 2 stale players (and a team row per date) and 4 + 1 players to keep.
   */
  private void start(Map<String, String> env, BlobStore blobs) {
    fixture = new RuntimeFixture(blobDir, env);
    PipelineRuntime embedded = fixture.runtime();
    runtime = embedded.withBlobs(blobs);
    seed(STALE_1, 3);
    seed(STALE_2, 2);
    seed(CUTOFF, 4);
    seed(CUTOFF.plusDays(5), 1);
  }

  private UpcomingTablesCleanupService cleanup() {
    return new UpcomingTablesCleanupService(
        runtime.warehouse(),
        runtime.blobs(),
        runtime.config(),
        runtime.publisher(),
        runtime.leagueClock(),
        runtime.log(FunctionName.UPCOMING_TABLES_CLEANUP));
  }

  private BackupRestoreService restore() {
    return new BackupRestoreService(
        runtime.warehouse(), runtime.blobs(), runtime.config().catalog());
  }

  private void seed(LocalDate date, int players) {
    List<Row> players1 = new ArrayList<>();
    for (int i = 0; i < players; i++) {
      players1.add(
          Row.builder()
              .set("player_lookup", "player" + i)
              .set("game_id", date.toString().replace("-", "") + "_BOS_MEM")
              .set("game_date", date)
              .set("team_abbr", "BOS")
              .set("opponent_team_abbr", "MEM")
              .set("days_rest", (long) i)
              .set("avg_minutes_per_game_last_7", 30.5 + i)
              .build());
    }
    runtime.warehouse().append(Tables.UPCOMING_PLAYER_GAME_CONTEXT, players1);
    runtime
        .warehouse()
        .append(
            Tables.UPCOMING_TEAM_GAME_CONTEXT,
            List.of(
                Row.builder()
                    .set("team_abbr", "BOS")
                    .set("game_id", date.toString().replace("-", "") + "_BOS_MEM")
                    .set("game_date", date)
                    .set("season_year", 2022L)
                    .set("opponent_team_abbr", "MEM")
                    .set("home_game", false)
                    .set("is_back_to_back", false)
                    .set("games_in_last_7_days", 3L)
                    .set("games_in_last_14_days", 6L)
                    .set("processed_at", Instant.parse("2023-02-01T10:00:00Z"))
                    .build()));
  }

  private List<Row> rows(TableDefinition table, String condition) {
    return runtime
        .warehouse()
        .query(
            Sql.of(
                    "SELECT * FROM "
                        + runtime.config().catalog().qualifiedName(table)
                        + " WHERE "
                        + condition
                        + " ORDER BY ALL")
                .date("cutoff", CUTOFF));
  }

  private List<Row> audit() {
    return runtime
        .warehouse()
        .query(Sql.of("SELECT * FROM nba_orchestration.cleanup_operations ORDER BY cleanup_time"));
  }

  private UpcomingTablesCleaned run(boolean dryRun) {
    return cleanup().run(new CleanupRequest("test", OptionalInt.empty(), dryRun, "run-1"));
  }

  @Test
  void deletesEveryRowBeforeTheCutoffAndKeepsTheRest() {
    List<Row> kept = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date >= @cutoff");

    UpcomingTablesCleaned summary = run(false);

    assertThat(summary.cutoffDate()).isEqualTo(CUTOFF);
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date < @cutoff")).isEmpty();
    assertThat(rows(Tables.UPCOMING_TEAM_GAME_CONTEXT, "game_date < @cutoff")).isEmpty();
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date >= @cutoff")).isEqualTo(kept);
    assertThat(summary.totalDeleted()).isEqualTo(5 + 2);
    assertThat(summary.status()).isEqualTo("SUCCEEDED");
  }

  @Test
  void backsUpEachTableAndDateToItsOwnObject() {
    List<Row> stale = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date < @cutoff");

    run(false);

    assertThat(runtime.blobs().list("upcoming-tables/"))
        .containsExactly(
            "upcoming-tables/upcoming_player_game_context/game_date=2023-03-01/run-1.jsonl",
            "upcoming-tables/upcoming_player_game_context/game_date=2023-03-02/run-1.jsonl",
            "upcoming-tables/upcoming_team_game_context/game_date=2023-03-01/run-1.jsonl",
            "upcoming-tables/upcoming_team_game_context/game_date=2023-03-02/run-1.jsonl");
    var service = restore();
    service.restore(Tables.UPCOMING_PLAYER_GAME_CONTEXT, STALE_1, Optional.empty());
    service.restore(Tables.UPCOMING_PLAYER_GAME_CONTEXT, STALE_2, Optional.of("run-1"));
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date < @cutoff")).isEqualTo(stale);
  }

  @Test
  void theAuditRowAgreesWithTheSummary() {
    UpcomingTablesCleaned summary = run(false);

    Row audit = audit().get(0);
    assertThat(audit.string("cleanup_type")).isEqualTo("upcoming_tables_ttl");
    assertThat(audit.string("run_id")).isEqualTo("run-1");
    assertThat(audit.int64("ttl_days")).isEqualTo(7);
    assertThat(audit.date("cutoff_date")).isEqualTo(CUTOFF);
    assertThat(audit.bool("dry_run")).isFalse();
    assertThat(audit.int64("total_records_deleted")).isEqualTo(7);
    assertThat(audit.int64("total_records_backed_up")).isEqualTo(7);
    assertThat(audit.string("status")).isEqualTo("SUCCEEDED");
    assertThat(audit.string("errors")).isNull();
    assertThat(audit.string("tables_cleaned")).isEqualTo(summary.tablesJson());
    assertThat(audit.string("backup_objects")).contains("game_date=2023-03-02/run-1.jsonl");
  }

  @Test
  void aSecondRunFindsNothingToDelete() {
    run(false);

    UpcomingTablesCleaned second =
        cleanup().run(new CleanupRequest("test", OptionalInt.empty(), false, "run-2"));

    assertThat(second.totalStale()).isEqualTo(0);
    assertThat(second.totalDeleted()).isEqualTo(0);
    assertThat(runtime.blobs().list("upcoming-tables/")).hasSize(4);
  }

  @Test
  void aDryRunChangesNothingButReportsEachDate() {
    List<Row> before = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE");

    UpcomingTablesCleaned summary = run(true);

    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE")).isEqualTo(before);
    assertThat(runtime.blobs().list("")).isEmpty();
    assertThat(summary.tables().get(0).dates())
        .containsExactly(
            new UpcomingTablesCleaned.StaleDate(STALE_1, 3, null),
            new UpcomingTablesCleaned.StaleDate(STALE_2, 2, null));
    assertThat(audit().get(0).bool("dry_run")).isTrue();
  }

  @Test
  void aTtlFromTheMessageMovesTheCutoff() {
    UpcomingTablesCleaned summary =
        cleanup().run(new CleanupRequest("test", OptionalInt.of(9), false, "run-1"));

    assertThat(summary.cutoffDate()).isEqualTo(STALE_1);
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date = '2023-03-01'")).hasSize(3);
    assertThat(summary.totalDeleted()).isEqualTo(0);
  }

  @Test
  void aBackupThatCannotBeWrittenDeletesNothingFromThatTable() {
    start(Map.of(), failing(new LocalDirectoryBlobStore(blobDir), "upcoming_player_game_context"));
    List<Row> players = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE");

    var e = assertThrows(CleanupFailedException.class, () -> run(false));

    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE")).isEqualTo(players);
    assertThat(rows(Tables.UPCOMING_TEAM_GAME_CONTEXT, "game_date < @cutoff")).isEmpty();
    assertThat(e.summary().errors().get(0)).contains("nothing was deleted from this table");
    Row audit = audit().get(0);
    assertThat(audit.string("status")).isEqualTo("FAILED");
    assertThat(audit.int64("total_records_deleted")).isEqualTo(2);
    assertThat(audit.string("errors")).contains("disk full");
  }

  @Test
  void aRunRedeliveredAfterFailingKeepsOneAuditRowWithItsLatestOutcome() {
    start(Map.of(), failing(new LocalDirectoryBlobStore(blobDir), "upcoming_player_game_context"));
    assertThrows(CleanupFailedException.class, () -> run(false));
    assertThrows(CleanupFailedException.class, () -> run(false));
    runtime = runtime.withBlobs(new LocalDirectoryBlobStore(blobDir));

    run(false);

    List<Row> audits = audit();
    assertThat(audits).hasSize(1);
    assertThat(audits.get(0).string("status")).isEqualTo("SUCCEEDED");
    assertThat(audits.get(0).string("run_id")).isEqualTo("run-1");
  }

  @Test
  void aBackupThatReadsBackShortDeletesNothing() {
    start(Map.of(), rewriting(new LocalDirectoryBlobStore(blobDir), content -> new byte[0]));
    List<Row> everything = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE");

    var e = assertThrows(CleanupFailedException.class, () -> run(false));

    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE")).isEqualTo(everything);
    assertThat(e.summary().totalDeleted()).isEqualTo(0);
    assertThat(e.summary().errors().get(0)).contains("read back 0 rows, wrote 3");
  }

  @Test
  void aRedeliveredRunReusesItsBackupsUnderARetentionPolicy() {
    start(Map.of(), retained(new LocalDirectoryBlobStore(blobDir)));
    run(false);
    // As if the first delivery had crashed after its backups: the rows are back, and run-1 comes
    // again.
    restore().restore(Tables.UPCOMING_PLAYER_GAME_CONTEXT, STALE_1, Optional.empty());
    restore().restore(Tables.UPCOMING_PLAYER_GAME_CONTEXT, STALE_2, Optional.empty());
    restore().restore(Tables.UPCOMING_TEAM_GAME_CONTEXT, STALE_1, Optional.empty());
    restore().restore(Tables.UPCOMING_TEAM_GAME_CONTEXT, STALE_2, Optional.empty());
    UpcomingTablesCleaned again = run(false);

    assertThat(again.status()).isEqualTo("SUCCEEDED");
    assertThat(again.totalDeleted()).isEqualTo(7);
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date < @cutoff")).isEmpty();
  }

  /** The runtime's warehouse replaced by one whose {@code nth} call of {@code method} fails. */
  private void failWarehouse(String method, int nth) {
    runtime =
        runtime.withWarehouse(
            Faults.failingOnce(
                Warehouse.class,
                runtime.warehouse(),
                method,
                nth,
                () -> new WarehouseException("connection reset")));
  }

  @Test
  void aDeleteThatFailsLeavesItsTableAsItWasAndTheRunFailsAudited() {
    start(Map.of(), new LocalDirectoryBlobStore(blobDir));
    List<Row> players = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE");
    failWarehouse("execute", 1); // the first table's DELETE

    assertThrows(CleanupFailedException.class, () -> run(false));

    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "TRUE")).isEqualTo(players);
    assertThat(rows(Tables.UPCOMING_TEAM_GAME_CONTEXT, "game_date < @cutoff")).isEmpty();
    assertThat(audit().get(0).string("status")).isEqualTo("FAILED");
    assertThat(audit().get(0).string("errors")).contains("connection reset");
  }

  @Test
  void aVerificationThatCannotRunFailsTheRunRatherThanPassingIt() {
    start(Map.of(), new LocalDirectoryBlobStore(blobDir));
    failWarehouse("query", 3); // after reading the stale rows and counting the kept ones

    assertThrows(CleanupFailedException.class, () -> run(false));

    assertThat(audit().get(0).string("status")).isEqualTo("FAILED");
  }

  @Test
  void aRestoreThatFailsAddsNothingAndItsRetryRestoresExactly() {
    start(Map.of(), new LocalDirectoryBlobStore(blobDir));
    List<Row> stale = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date = @cutoff - 2");
    run(false);
    PipelineRuntime healthy = runtime;
    failWarehouse("append", 1);

    assertThrows(
        WarehouseException.class,
        () -> restore().restore(Tables.UPCOMING_PLAYER_GAME_CONTEXT, STALE_1, Optional.empty()));
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date = @cutoff - 2")).isEmpty();

    runtime = healthy;
    restore().restore(Tables.UPCOMING_PLAYER_GAME_CONTEXT, STALE_1, Optional.empty());
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date = @cutoff - 2"))
        .isEqualTo(stale);
  }

  @Test
  void aLargeDeletionRaisesAStructuredAlert() {
    start(Map.of("LARGE_DELETION_ROWS", "6"), new LocalDirectoryBlobStore(blobDir));

    run(false);

    assertThat(
            fixture.logs().stream()
                .filter(
                    line -> line.startsWith("WARNING") && line.contains("alert=large_deletion")))
        .hasSize(1);
  }

  @Test
  void aDeletionAtTheThresholdRaisesNoAlert() {
    start(Map.of("LARGE_DELETION_ROWS", "7"), new LocalDirectoryBlobStore(blobDir));

    run(false);

    assertThat(fixture.logs().stream().filter(line -> line.contains("alert=large_deletion")))
        .isEmpty();
  }

  @Test
  void restoringTwiceAddsNothingTheSecondTime() {
    run(false);
    var service = restore();

    var first = service.restore(Tables.UPCOMING_TEAM_GAME_CONTEXT, STALE_1, Optional.empty());
    var second = service.restore(Tables.UPCOMING_TEAM_GAME_CONTEXT, STALE_1, Optional.empty());

    assertThat(first.restored()).isEqualTo(1);
    assertThat(second.restored()).isEqualTo(0);
    assertThat(second.alreadyPresent()).isEqualTo(1);
    assertThat(rows(Tables.UPCOMING_TEAM_GAME_CONTEXT, "game_date < @cutoff")).hasSize(1);
  }

  @Test
  void restoringAnUnknownRunNamesTheRunsThereAre() {
    run(false);

    var e =
        assertThrows(
            java.util.NoSuchElementException.class,
            () ->
                restore()
                    .restore(Tables.UPCOMING_TEAM_GAME_CONTEXT, STALE_1, Optional.of("run-9")));

    assertThat(e).hasMessageThat().contains("runs with a backup: [run-1]");
  }

  /** A blob store whose writes under {@code path} fail, as a full or unreachable bucket would. */
  private static BlobStore failing(BlobStore delegate, String path) {
    return new ForwardingBlobStore(delegate) {
      @Override
      public void write(String name, byte[] content, String contentType) {
        if (name.contains(path)) {
          throw new UncheckedIOException(new java.io.IOException("disk full"));
        }
        super.write(name, content, contentType);
      }
    };
  }

  /** A blob store that refuses to overwrite an object, as a bucket with a retention policy does. */
  private static BlobStore retained(BlobStore delegate) {
    return new ForwardingBlobStore(delegate) {
      @Override
      public void write(String name, byte[] content, String contentType) {
        if (read(name).isPresent()) {
          throw new IllegalStateException("403: object " + name + " is under active retention");
        }
        super.write(name, content, contentType);
      }
    };
  }

  /** A blob store that stores something other than what it was given. */
  private static BlobStore rewriting(BlobStore delegate, UnaryOperator<byte[]> change) {
    return new ForwardingBlobStore(delegate) {
      @Override
      public void write(String name, byte[] content, String contentType) {
        super.write(name, change.apply(content), contentType);
      }
    };
  }

  private static class ForwardingBlobStore implements BlobStore {
    private final BlobStore delegate;

    ForwardingBlobStore(BlobStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(String name, byte[] content, String contentType) {
      delegate.write(name, content, contentType);
    }

    @Override
    public Optional<byte[]> read(String name) {
      return delegate.read(name);
    }

    @Override
    public List<String> list(String prefix) {
      return delegate.list(prefix);
    }

    @Override
    public String describe(String name) {
      return delegate.describe(name);
    }
  }
}
