package com.nbaprops.pcf.query;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Whether each date's rows were computed from the inputs as they are now: its latest lineage
 * against the inputs' prints today. Two queries for a whole range (the lineage, the prints), none
 * when no date of it has a lineage.
 */
public final class Staleness {
  /**
   * A date's check: the inputs restated since it was computed (empty when current), and what its
   * latest computation changed against the one before (empty when it had none).
   */
  public record Check(List<String> restated, Optional<String> lastRecompute) {
    public boolean stale() {
      return !restated.isEmpty();
    }
  }

  private final LineageLog log;
  private final InputPrints prints;

  public Staleness(Warehouse warehouse, Catalog catalog) {
    this.log = new LineageLog(warehouse, catalog);
    this.prints = new InputPrints(warehouse, catalog);
  }

  /** Every date of {@code range} with a lineage, checked. */
  public Map<LocalDate, Check> check(DateRange range) {
    return check(range, table -> true);
  }

  /**
   * Every date of {@code range} with a lineage, checked against the inputs {@code tables} accepts
   * only (those a write just changed): the others are not printed, and an input not printed reads
   * as emptied, which is no restatement.
   */
  public Map<LocalDate, Check> check(DateRange range, Predicate<String> tables) {
    return check(range, tables, Map.of());
  }

  /**
   * Every date of {@code range} with a lineage, checked, but for the dates whose rows the run
   * {@code computedBy} names for them wrote: that computation printed their inputs moments ago and
   * recorded the prints with the rows, so they are not read again. An input restated in between is
   * found as any later restatement is: by its landing, or by the next sweep.
   */
  public Map<LocalDate, Check> checkAfter(DateRange range, Map<LocalDate, String> computedBy) {
    return check(range, table -> true, computedBy);
  }

  private Map<LocalDate, Check> check(
      DateRange range, Predicate<String> tables, Map<LocalDate, String> computedBy) {
    Map<LocalDate, LineageLog.Recorded> recorded = log.latest(range);
    Map<LocalDate, Check> checks = new TreeMap<>();
    if (recorded.isEmpty()) {
      return checks;
    }
    List<Lineage> lineages =
        recorded.entrySet().stream()
            .filter(date -> !date.getValue().unrecorded())
            .filter(date -> !justComputed(date.getKey(), date.getValue(), computedBy))
            .map(date -> date.getValue().lineage())
            .toList();
    Map<String, DateRange> spans = new LinkedHashMap<>(Lineage.covering(lineages));
    spans.keySet().removeIf(tables.negate());
    InputPrints.Prints now = spans.isEmpty() ? InputPrints.Prints.NONE : prints.read(spans);
    recorded.forEach(
        (date, computed) ->
            checks.put(
                date,
                computed.unrecorded()
                    ? new Check(
                        List.of(
                            "the inputs of its current rows were never recorded (the write stopped"
                                + " between the rows and their lineage)"),
                        Optional.empty())
                    : new Check(
                        justComputed(date, computed, computedBy)
                            ? List.of()
                            : computed.lineage().changes(now),
                        Optional.ofNullable(computed.previous())
                            .map(previous -> computed.digest().changesSince(previous)))));
    return checks;
  }

  private static boolean justComputed(
      LocalDate date, LineageLog.Recorded computed, Map<LocalDate, String> computedBy) {
    String run = computedBy.get(date);
    return run != null && computed.servedFrom(run);
  }
}
