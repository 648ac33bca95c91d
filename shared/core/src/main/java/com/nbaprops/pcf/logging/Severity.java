package com.nbaprops.pcf.logging;

/** Cloud Logging severities the suite uses. */
public enum Severity {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL
}
