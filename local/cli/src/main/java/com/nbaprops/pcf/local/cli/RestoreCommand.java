package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.functions.upcomingtablescleanup.BackupRestoreService;
import com.nbaprops.pcf.local.operations.Restore;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Put the rows a cleanup backed up for one table and game date back.",
      "Rows already in the table (by key) are skipped, so running it twice adds nothing.",
      "Example: ./pipeline restore upcoming_player_game_context 2023-02-23"
    })
final class RestoreCommand extends SubCommand {
  @Parameters(
      index = "0",
      paramLabel = "TABLE",
      description = "upcoming_player_game_context or upcoming_team_game_context.")
  String table;

  @Parameters(index = "1", paramLabel = "GAME_DATE", description = "The game date (YYYY-MM-DD).")
  LocalDate gameDate;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description = "Restore this run's backup (default: every backup of the date).")
  String runId;

  @Override
  public Integer call() {
    // A misspelt table is bad usage, refused before anything is opened.
    BackupRestoreService.table(table);
    try (LocalRuntime local = global().open()) {
      return Restore.run(local, table, gameDate, runId, out());
    }
  }
}
