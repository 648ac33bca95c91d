package com.nbaprops.pcf.rules;

/** The rules' arithmetic; a missing input takes its default with {@code requireNonNullElse}. */
final class Defaults {
  private Defaults() {}

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
