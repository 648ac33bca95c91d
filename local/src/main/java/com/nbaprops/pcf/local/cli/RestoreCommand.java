package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.functions.upcomingtablescleanup.BackupRestoreService;
import com.nbaprops.pcf.local.LocalRuntime;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Put the rows a cleanup backed up for one table and game date back.",
      "Rows already in the table (by key) are skipped, so running it twice adds nothing.",
      "Example: ./pipeline restore upcoming_player_game_context 2023-02-23"
    })
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

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

  PrintStream out = System.out;

  @Override
  public Integer call() {
    BackupRestoreService.table(
        table); // a misspelled table is bad usage, refused before anything is opened
    try (LocalRuntime local = root.global.open()) {
      return run(local, table, gameDate, runId, out);
    }
  }

  static int run(
      LocalRuntime local, String table, LocalDate gameDate, String runId, PrintStream out) {
    var result =
        new BackupRestoreService(
                local.runtime().warehouse(),
                local.runtime().blobs(),
                local.runtime().config().catalog())
            .restore(BackupRestoreService.table(table), gameDate, Optional.ofNullable(runId));
    out.printf(
        "%s %s: %d rows restored, %d already present, from %s%n",
        result.table(),
        result.gameDate(),
        result.restored(),
        result.alreadyPresent(),
        String.join(", ", result.objects()));
    return ExitCodes.OK;
  }
}
