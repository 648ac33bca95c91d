package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.InputThreshold;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.FailureCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inputs of a date under their threshold. A shortfall of the box scores means the upstream is
 * not ready; any other means an input is missing.
 */
public record InputReport(DateInputCounts counts, List<Shortfall> shortfalls) {

  /** One input under its threshold. */
  public record Shortfall(DateInputCounts.Count count, InputThreshold threshold) {
    public DateInput input() {
      return count.input();
    }

    /** In words, with the keys that lack it (the first 20). */
    public String describe() {
      DateInput input = count.input();
      String what =
          input == DateInput.FACTOR_COMPLETENESS
              ? String.format(
                  "%s: mean data_completeness_pct %.1f%% of %d rows < %.1f%%",
                  input.table().name(), count.pct(), count.expected(), threshold.minPct())
              : String.format(
                  "%s: %d of %d %s (%.1f%% < %.1f%%)",
                  input.table().name(),
                  count.present(),
                  count.expected(),
                  input.keys(),
                  count.pct(),
                  threshold.minPct());
      String keys = count.missing();
      if (keys != null && !keys.isBlank()) {
        what +=
            input == DateInput.FACTOR_COMPLETENESS
                ? "; missing in the rows: " + keys
                : "; missing: " + abbreviate(keys);
      }
      if (count.notExpected() > 0) {
        what +=
            "; "
                + count.notExpected()
                + " more without an earlier shot this season are not expected to have one";
      }
      return what + (threshold.critical() ? "" : " (warning)");
    }
  }

  public InputReport {
    shortfalls = List.copyOf(shortfalls);
  }

  /** The inputs of {@code counts} under their threshold. */
  public static InputReport of(DateInputCounts counts, Map<DateInput, InputThreshold> thresholds) {
    List<Shortfall> shortfalls = new ArrayList<>();
    for (DateInput input : DateInput.values()) {
      DateInputCounts.Count count = counts.count(input);
      InputThreshold threshold = thresholds.get(input);
      if (threshold != null && count.expected() > 0 && below(count, threshold.minPct())) {
        shortfalls.add(new Shortfall(count, threshold));
      }
    }
    return new InputReport(counts, shortfalls);
  }

  /** Counts compared exactly, as the coverage gate compares players; completeness as a mean. */
  private static boolean below(DateInputCounts.Count count, double minPct) {
    return count.input() == DateInput.FACTOR_COMPLETENESS
        ? count.pct() < minPct
        : Coverage.below(count.present(), count.expected(), minPct);
  }

  /** The critical shortfalls: each keeps the date from COMPLETE. */
  public List<Shortfall> critical() {
    return shortfalls.stream().filter(s -> s.threshold().critical()).toList();
  }

  public boolean criticalShortfall() {
    return !critical().isEmpty();
  }

  /** Whether a scheduled game (or a team of one) has no box score yet. */
  public boolean upstreamNotReady() {
    return critical().stream()
        .anyMatch(s -> s.input().category() == FailureCategory.UPSTREAM_NOT_READY);
  }

  /**
   * What is not in yet, each shortfall as {@link Shortfall#describe} says it; empty when nothing.
   */
  public String notReady() {
    return critical().stream()
        .filter(s -> s.input().category() == FailureCategory.UPSTREAM_NOT_READY)
        .map(Shortfall::describe)
        .collect(Collectors.joining("; "));
  }

  /** Every shortfall in words, or null when there is none. */
  public String text() {
    return shortfalls.isEmpty()
        ? null
        : shortfalls.stream().map(Shortfall::describe).collect(Collectors.joining("; "));
  }

  private static String abbreviate(String keys) {
    String[] all = keys.trim().split(" ");
    if (all.length <= 20) {
      return keys.trim();
    }
    return String.join(" ", Arrays.copyOf(all, 20)) + " and " + (all.length - 20) + " more";
  }
}
