package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.LocalRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Lets tests outside the CLI package seed the real season (no incident planted). */
public final class SeedCommandAccess {
  private SeedCommandAccess() {}

  public static void seed(LocalRuntime local) {
    SeedCommand.run(local, "2022-23", false, new PrintStream(new ByteArrayOutputStream()));
  }
}
