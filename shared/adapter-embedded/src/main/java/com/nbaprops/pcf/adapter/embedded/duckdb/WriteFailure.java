package com.nbaprops.pcf.adapter.embedded.duckdb;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Failed writes of one warehouse in words an operator acts on: the cause first, then what to do. A
 * full disk makes DuckDB abort later transactions with only "no transaction is active": those are
 * told with the full disk that caused them.
 */
final class WriteFailure {
  private volatile String lastDiskFull;

  String describe(SQLException e) {
    String message = String.valueOf(e.getMessage()).strip();
    String first = message.lines().findFirst().orElse(message);
    // DuckDB nests its contexts ("Failed to append: Failed to commit: Could not write file ..."):
    // the file and the system's word are what an operator acts on.
    int file = first.indexOf("Could not write file");
    if (file > 0) {
      first = first.substring(file);
    }
    if (diskFull(message)) {
      lastDiskFull = first;
      return "the disk is full, the write rolled back (" + first + "); " + REMEDY;
    }
    if (lastDiskFull != null && message.contains("no transaction is active")) {
      // DuckDB's own words here say nothing of the cause: the full disk found before is it.
      return "the disk is full, the write rolled back (" + lastDiskFull + "); " + REMEDY;
    }
    return "write failed and was rolled back: " + first;
  }

  /** A write went through: the disk has room again, and a later abort has another cause. */
  void succeeded() {
    lastDiskFull = null;
  }

  private static final String REMEDY = "free space, then run again: each date is done or untouched";

  private static boolean diskFull(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("no space left on device") || lower.contains("disk is full");
  }
}
