package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;

/**
 * Where a cleanup puts the rows it deletes: {@code
 * upcoming-tables/<table>/game_date=YYYY-MM-DD/<run_id>.jsonl}. One object per table, game date and
 * run, so a retry or a later run never overwrites an earlier backup, and the {@code game_date=}
 * folder lets BigQuery read the objects as a hive-partitioned external table.
 */
final class BackupObjects {
  static final String ROOT = "upcoming-tables/";
  private static final String SUFFIX = ".jsonl";

  private BackupObjects() {}

  public static String name(TableDefinition table, LocalDate gameDate, String runId) {
    return prefix(table, gameDate) + runId + SUFFIX;
  }

  /** The folder of every backup of one table and date. */
  public static String prefix(TableDefinition table, LocalDate gameDate) {
    return ROOT + table.name() + "/game_date=" + gameDate + "/";
  }

  /** The run id an object name ends with. */
  public static String runId(String objectName) {
    String file = objectName.substring(objectName.lastIndexOf('/') + 1);
    return file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : file;
  }
}
