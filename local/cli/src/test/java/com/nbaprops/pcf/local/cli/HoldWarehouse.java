package com.nbaprops.pcf.local.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * Another process holding the embedded warehouse, as a running backfill or a reader would: opens
 * the DuckDB file ({@code read-only} or not), says "held", and keeps it until its input closes.
 */
public final class HoldWarehouse {
  private HoldWarehouse() {}

  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    if (args.length > 1 && args[1].equals("read-only")) {
      properties.setProperty("duckdb.read_only", "true");
    }
    try (Connection connection =
        DriverManager.getConnection("jdbc:duckdb:" + args[0], properties)) {
      connection.createStatement().execute("SELECT 1");
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the test closes our input
      }
    }
  }
}
