package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.functions.upcomingtablescleanup.BackupRestoreService;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;

/** Puts the rows a cleanup backed up for one table and game date back; twice adds nothing. */
public final class Restore {
  private Restore() {}

  /** {@code runId}: that run's backup only; null: every backup of the date. */
  public static int run(
      LocalRuntime local, String table, LocalDate gameDate, String runId, PrintWriter out) {
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
