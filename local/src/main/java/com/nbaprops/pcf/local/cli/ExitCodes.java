package com.nbaprops.pcf.local.cli;

/** The CLI's exit codes. */
final class ExitCodes {
  static final int OK = 0;

  /** The work ran and found a problem (a FAIL verdict, pre-flight issues, a date without input). */
  static final int PROBLEM = 1;

  /** Bad usage or input: nothing was done. */
  static final int USAGE = 2;

  /** The warehouse is held by another process: nothing was done; run again once it is free. */
  static final int BUSY = 3;

  private ExitCodes() {}
}
