package com.nbaprops.pcf.local.operations;

/** Where a long operation says how far it is: a bar on a terminal, lines elsewhere, or nowhere. */
public interface Progress {
  /** {@code done} of {@code total} steps, the last one described by {@code label}. */
  void step(int done, int total, String label);

  /** The operation ended (or was stopped): the bar's line is closed. */
  void finish();

  /** Progress nobody reads. */
  static Progress none() {
    return new Progress() {
      @Override
      public void step(int done, int total, String label) {}

      @Override
      public void finish() {}
    };
  }
}
