package com.nbaprops.pcf.rules;

/**
 * Missing inputs take the original platform's defaults; one helper keeps that explicit at each use.
 */
final class Defaults {
  private Defaults() {}

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
