package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.query.FactorDigest;
import com.nbaprops.pcf.query.InputPrints;
import com.nbaprops.pcf.query.Lineage;
import com.nbaprops.pcf.query.LineageLog;
import com.nbaprops.pcf.runtime.LeagueClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records what each computed date was computed from. The inputs are fingerprinted before they are
 * read: an input restated between the two then shows as a change at the next sweep (a recompute too
 * many), never as a date current with rows from inputs that are gone (one too few).
 */
final class LineageRecorder {
  private final InputPrints prints;
  private final LineageLog log;
  private final LeagueClock clock;

  LineageRecorder(InputPrints prints, LineageLog log, LeagueClock clock) {
    this.prints = prints;
    this.log = log;
    this.clock = clock;
  }

  /**
   * The prints of a computation of {@code span}'s dates, taken before each read: the day's inputs
   * now (one query), the season's box scores only if a date falls back to the synthetic stand-in
   * (one more, right before that read).
   */
  Taken before(DateRange span) {
    return new Taken(span, prints.read(Lineage.reads(span, false)));
  }

  /** The prints taken so far for one computation. */
  final class Taken {
    private final DateRange span;
    private InputPrints.Prints taken;
    private boolean season;

    private Taken(DateRange span, InputPrints.Prints day) {
      this.span = span;
      this.taken = day;
    }

    /** Prints the season's box scores, once, before the synthetic stand-in reads them. */
    void beforeSeasonRead() {
      if (!season) {
        taken = taken.plus(prints.read(Lineage.reads(span, true)));
        season = true;
      }
    }

    InputPrints.Prints prints() {
      return taken;
    }
  }

  /**
   * One lineage row per date written, from the prints taken before the read; a partition an
   * upstream wrote twice over is named in a WARNING (the reads count distinct rows, so the factors
   * are right: no alarm).
   */
  void record(
      Taken taken,
      Map<LocalDate, DataSource> sources,
      List<Row> rows,
      String runId,
      StructuredLog runLog) {
    Map<LocalDate, List<Row>> byDate = new TreeMap<>();
    rows.forEach(
        row -> byDate.computeIfAbsent(row.date("analysis_date"), d -> new ArrayList<>()).add(row));
    List<Lineage> lineages = new ArrayList<>();
    Map<LocalDate, FactorDigest> digests = new TreeMap<>();
    InputPrints.Prints before = taken.prints();
    Set<String> doubled = new TreeSet<>();
    sources.forEach(
        (date, source) -> {
          Lineage lineage = Lineage.of(date, source, before);
          lineages.add(lineage);
          digests.put(date, FactorDigest.of(byDate.getOrDefault(date, List.of())));
          for (Lineage.Window window : lineage.windows()) {
            before
                .duplicated(window.table(), window.first(), window.last())
                .forEach(partition -> doubled.add(window.table() + " " + partition));
          }
        });
    for (String partition : doubled) {
      runLog
          .with("input_duplicated", partition)
          .warning(
              partition
                  + " holds its rows more than once (an upstream wrote the partition twice):"
                  + " read as its distinct rows");
    }
    log.record(lineages, digests, runId, clock.now());
  }
}
