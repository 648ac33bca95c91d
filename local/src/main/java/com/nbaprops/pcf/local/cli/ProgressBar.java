package com.nbaprops.pcf.local.cli;

/** A one-line progress bar, redrawn in place with a carriage return. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private ProgressBar() {}

  static String render(int done, int total, String label) {
    int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
    return "\r["
        + "#".repeat(filled)
        + "-".repeat(WIDTH - filled)
        + "] "
        + done
        + "/"
        + total
        + " "
        + label;
  }
}
