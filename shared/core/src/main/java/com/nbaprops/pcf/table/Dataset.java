package com.nbaprops.pcf.table;

/** The BigQuery datasets the suite reads and writes; their names come from configuration. */
public enum Dataset {
  ANALYTICS("nba_analytics"),
  PRECOMPUTE("nba_precompute"),
  ORCHESTRATION("nba_orchestration"),
  /**
   * Where a write of many partitions stages its rows before one transaction moves them (BigQuery
   * only); its tables expire on their own.
   */
  STAGING("nba_staging");

  private final String defaultName;

  Dataset(String defaultName) {
    this.defaultName = defaultName;
  }

  public String defaultName() {
    return defaultName;
  }
}
