package com.nbaprops.pcf.local.runtime;

/** The outcome of an operation, as the CLI's exit code. */
public final class ExitCodes {
  public static final int OK = 0;

  /** The work ran and found a problem (a FAIL verdict, pre-flight issues, a date without input). */
  public static final int PROBLEM = 1;

  /** Bad usage or input: nothing was done. */
  public static final int USAGE = 2;

  /** The warehouse is held by another process: nothing was done; run again once it is free. */
  public static final int BUSY = 3;

  private ExitCodes() {}
}
