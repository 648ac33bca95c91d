package com.nbaprops.pcf.local.cli;

/** A one-line progress bar; {@link Console} decides whether it is redrawn in place. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private ProgressBar() {}

  static String render(int done, int total, String label) {
    int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
    return "["
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
