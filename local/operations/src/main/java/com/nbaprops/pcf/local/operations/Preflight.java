package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.PreflightCheck;
import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.runtime.LocalRuntime;

/** The pre-flight check composite-factors runs before it fans a range out, run from here. */
public final class Preflight {
  private Preflight() {}

  /** The game dates of {@code range} and those whose upcoming context is partial. */
  public static PreflightReport check(LocalRuntime local, DateRange range, boolean force) {
    return PreflightCheck.of(
            local.runtime().warehouse(), local.runtime().config(), local.runtime().leagueClock())
        .check(range, force);
  }
}
