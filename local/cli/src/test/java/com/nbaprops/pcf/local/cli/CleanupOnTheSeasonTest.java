package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.backup.NdjsonRows;
import com.nbaprops.pcf.local.operations.Cleanup;
import com.nbaprops.pcf.local.operations.Restore;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TTL on the seeded season with {@code --today 2023-03-10}: the cutoff is 2023-03-03. */
class CleanupOnTheSeasonTest {
  private static final LocalDate CUTOFF = LocalDate.of(2023, 3, 3);
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  @TempDir Path home;
  private LocalRuntime local;
  private long staleBefore;
  private List<Row> keptBefore;
  private List<Row> feb23Before;

  @BeforeEach
  void openTheSeason() {
    local = SeasonFixture.SEASON.open(home);
    staleBefore =
        count(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "<")
            + count(Tables.UPCOMING_TEAM_GAME_CONTEXT, "<");
    keptBefore = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date >= @d", CUTOFF);
    feb23Before = rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date = @d", FEB_23);
  }

  @AfterEach
  void close() {
    local.close();
  }

  private long count(TableDefinition table, String comparison) {
    return local
        .runtime()
        .warehouse()
        .query(
            Sql.of(
                    "SELECT COUNT(*) AS n FROM nba_analytics."
                        + table.name()
                        + " WHERE game_date "
                        + comparison
                        + " @d")
                .date("d", CUTOFF))
        .get(0)
        .int64("n");
  }

  private List<Row> rows(TableDefinition table, String condition, LocalDate date) {
    return local
        .runtime()
        .warehouse()
        .query(
            Sql.of(
                    "SELECT * FROM nba_analytics."
                        + table.name()
                        + " WHERE "
                        + condition
                        + " ORDER BY ALL")
                .date("d", date));
  }

  private String cleanup(boolean dryRun) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            Cleanup.run(
                local,
                dryRun,
                null,
                new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true)))
        .isEqualTo(ExitCodes.OK);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aDryRunReportsEachDateAndChangesNothing() {
    String report = cleanup(true);

    assertThat(report).contains("dry run: nothing changed");
    assertThat(report).containsMatch("2023-02-23 +187 +18\\n");
    assertThat(
            count(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "<")
                + count(Tables.UPCOMING_TEAM_GAME_CONTEXT, "<"))
        .isEqualTo(staleBefore);
    assertThat(local.runtime().blobs().list("upcoming-tables/")).isEmpty();
  }

  @Test
  void deletesEveryRowBeforeTheCutoffAndKeepsEveryRowFromIt() {
    assertThat(staleBefore).isGreaterThan(20_000L);

    cleanup(false);

    assertThat(count(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "<")).isEqualTo(0);
    assertThat(count(Tables.UPCOMING_TEAM_GAME_CONTEXT, "<")).isEqualTo(0);
    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date >= @d", CUTOFF))
        .isEqualTo(keptBefore);
  }

  @Test
  void theAuditRowAndTheBackupObjectsAgreeWithTheCounts() {
    cleanup(false);

    Row audit =
        local
            .runtime()
            .warehouse()
            .query(Sql.of("SELECT * FROM nba_orchestration.cleanup_operations WHERE NOT dry_run"))
            .get(0);
    long rowsInBackups = 0;
    List<String> objects = local.runtime().blobs().list("upcoming-tables/");
    for (String object : objects) {
      TableDefinition table =
          object.contains(Tables.UPCOMING_TEAM_GAME_CONTEXT.name())
              ? Tables.UPCOMING_TEAM_GAME_CONTEXT
              : Tables.UPCOMING_PLAYER_GAME_CONTEXT;
      rowsInBackups +=
          NdjsonRows.decode(table, local.runtime().blobs().read(object).orElseThrow()).size();
    }

    assertThat(audit.int64("total_records_deleted")).isEqualTo(staleBefore);
    assertThat(audit.int64("total_records_backed_up")).isEqualTo(staleBefore);
    assertThat(rowsInBackups).isEqualTo(staleBefore);
    assertThat(audit.string("status")).isEqualTo("SUCCEEDED");
    assertThat(audit.string("backup_objects").split(",")).hasLength(objects.size());
  }

  @Test
  void aSecondRunFindsNothingToDelete() {
    cleanup(false);

    String report = cleanup(false);

    assertThat(report).contains("upcoming_player_game_context: 0 stale rows over 0 dates");
    assertThat(report).contains("upcoming_team_game_context: 0 stale rows over 0 dates");
  }

  @Test
  void restoreBringsOneDateBackExactlyOnce() {
    cleanup(false);

    Restore.run(
        local, "upcoming_player_game_context", FEB_23, null, new PrintWriter(Writer.nullWriter()));
    Restore.run(
        local, "upcoming_player_game_context", FEB_23, null, new PrintWriter(Writer.nullWriter()));

    assertThat(rows(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date = @d", FEB_23))
        .isEqualTo(feb23Before);
    assertThat(count(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "<")).isEqualTo(feb23Before.size());
  }
}
