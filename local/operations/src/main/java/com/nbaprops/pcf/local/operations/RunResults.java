package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus.DeadLetter;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.rules.CoverageStatus;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What became of every date a run was asked to process, read from the bus and the warehouse: its
 * computed outcome, its verdict, its metadata status, or the dead letter that stopped it. A date
 * with no outcome at all is reported as lost. Nothing the run was asked for is left out.
 */
record RunResults(List<DateResult> dates) {

  /** One date of the run. Null fields: that stage was never reached. */
  record DateResult(
      LocalDate date,
      FactorsComputed computed,
      Verdict verdict,
      String status,
      String cause,
      DeadLetter deadLetter) {

    /** The function whose subscription it is, as the operator knows it. */
    private static String function(String subscription) {
      for (SuiteFunction function : SuiteFunction.values()) {
        if (function.owns(subscription)) {
          return function.functionName();
        }
      }
      return subscription;
    }

    /** Why composite-factors wrote nothing for the date, if it did not. */
    private Optional<String> notComputed() {
      if (computed == null) {
        return Optional.of("no outcome: the request was lost");
      }
      if (computed.status() == FactorsComputed.Status.NO_INPUT) {
        return Optional.of("no player context: nothing computed, the old rows were kept");
      }
      if (computed.status() == FactorsComputed.Status.KEPT_STORED) {
        return Optional.of(
            "refused: the rerun would have left the date worse than its stored rows, which were"
                + " kept (see precompute_failures, RERUN_REFUSED); --force replaces them");
      }
      return Optional.empty();
    }

    /** Why the date is not done, or empty when it is. */
    Optional<String> problem() {
      if (deadLetter != null) {
        return Optional.of(
            "dead-lettered by "
                + function(deadLetter.subscription())
                + " after "
                + deadLetter.attempts()
                + " attempts: "
                + StructuredLog.escape(deadLetter.lastError()));
      }
      Optional<String> notComputed = notComputed();
      if (notComputed.isPresent()) {
        return notComputed;
      }
      if (verdict == Verdict.FAIL || verdict == Verdict.ERROR) {
        return Optional.of(
            "coverage " + verdict + (cause == null ? "" : ": " + StructuredLog.escape(cause)));
      }
      if (status == null) {
        return Optional.of("not tracked: this run wrote no metadata row for the date");
      }
      if (CoverageStatus.needsWork(status)) {
        return Optional.of(
            "metadata status "
                + status
                + (cause == null ? "" : ": " + StructuredLog.escape(cause)));
      }
      return Optional.empty();
    }
  }

  static RunResults of(LocalRuntime local, String runId, List<LocalDate> asked) {
    Map<LocalDate, FactorsComputed> computed =
        ofRun(local, Topic.COMPOSITE_FACTORS_COMPUTED, runId, DateChunk.OUTCOMES::in).stream()
            .collect(Collectors.toMap(FactorsComputed::analysisDate, c -> c, (a, b) -> b));
    Map<LocalDate, Verdict> verdicts =
        ofRun(local, Topic.COVERAGE_VALIDATED, runId, DateChunk.VERDICTS::in).stream()
            .collect(
                Collectors.toMap(
                    CoverageValidated::analysisDate, CoverageValidated::verdict, (a, b) -> b));
    Map<LocalDate, DeadLetter> deadLetters = new TreeMap<>();
    for (DeadLetter letter : local.bus().deadLetters()) {
      Map<String, String> attributes = letter.message().attributes();
      if (runId.equals(attributes.get(Attributes.RUN_ID))) {
        Attributes.dates(attributes).forEach(date -> deadLetters.put(date, letter));
      }
    }
    Map<LocalDate, Row> statuses = statuses(local, runId, asked);
    List<DateResult> dates = new ArrayList<>();
    for (LocalDate date : asked.stream().sorted().distinct().toList()) {
      dates.add(
          new DateResult(
              date,
              computed.get(date),
              verdicts.get(date),
              Optional.ofNullable(statuses.get(date)).map(r -> r.string("status")).orElse(null),
              Optional.ofNullable(statuses.get(date))
                  .map(r -> r.string("feature_report"))
                  .orElse(null),
              deadLetters.get(date)));
    }
    return new RunResults(dates);
  }

  /** What the run's messages on {@code topic} say about their dates: one or a chunk's each. */
  private static <T> List<T> ofRun(
      LocalRuntime local, Topic topic, String runId, Function<String, List<T>> parse) {
    return local.bus().published(local.runtime().config().topic(topic)).stream()
        .filter(message -> runId.equals(message.attributes().get(Attributes.RUN_ID)))
        .flatMap(message -> parse.apply(message.data()).stream())
        .toList();
  }

  /**
   * The metadata status this run wrote for each date; a row another run left is not this run's
   * outcome, so it does not count.
   */
  private static Map<LocalDate, Row> statuses(
      LocalRuntime local, String runId, List<LocalDate> asked) {
    Map<LocalDate, Row> statuses = new TreeMap<>();
    if (asked.isEmpty()) {
      return statuses;
    }
    List<Row> rows =
        local.query(
            local
                .sql(
                    "SELECT analysis_date, status, feature_report, run_id FROM {backfill_processing_metadata} WHERE analysis_date BETWEEN @start_date AND @end_date")
                .date("start_date", asked.stream().min(LocalDate::compareTo).orElseThrow())
                .date("end_date", asked.stream().max(LocalDate::compareTo).orElseThrow()));
    for (Row row : rows) {
      if (runId.equals(row.string("run_id"))) {
        statuses.put(row.date("analysis_date"), row);
      }
    }
    return statuses;
  }

  void print(PrintWriter out) {
    print(out, true);
  }

  /** The summary and every date not done; with {@code perDate}, a row for every date first. */
  void print(PrintWriter out, boolean perDate) {
    if (perDate) {
      table(out);
    }
    summary(out);
  }

  private void table(PrintWriter out) {
    out.printf(
        "%-10s  %-17s  %-9s  %13s  %8s  %-8s  %s%n",
        "date", "computed", "source", "upcoming/exp", "written", "verdict", "status");
    for (DateResult d : dates) {
      FactorsComputed c = d.computed();
      out.printf(
          "%-10s  %-17s  %-9s  %13s  %8s  %-8s  %s%n",
          d.date(),
          c == null ? (d.deadLetter() != null ? "FAILED" : "LOST") : c.status(),
          c == null ? "-" : c.source().map(DataSource::name).orElse("-"),
          c == null ? "-" : c.upcomingPlayers() + "/" + c.expectedPlayers(),
          c == null ? "-" : Integer.toString(c.playersWritten()),
          d.verdict() == null ? "-" : d.verdict(),
          d.status() == null ? "-" : d.status());
    }
  }

  private void summary(PrintWriter out) {
    List<DateResult> computed =
        dates.stream()
            .filter(d -> d.computed() != null)
            .filter(d -> d.computed().status() == FactorsComputed.Status.COMPUTED)
            .toList();
    List<DateResult> problems = dates.stream().filter(d -> d.problem().isPresent()).toList();
    out.printf(
        "%d %s asked: %d computed (%d from the synthetic fallback), %d skipped (bootstrap),"
            + " %d not done; %d player rows%n",
        dates.size(),
        dates.size() == 1 ? "date" : "dates",
        computed.size(),
        computed.stream().filter(d -> d.computed().dataSource() == DataSource.SYNTHETIC).count(),
        dates.stream()
            .filter(d -> d.computed() != null)
            .filter(d -> d.computed().status() == FactorsComputed.Status.SKIPPED_BOOTSTRAP)
            .count(),
        problems.size(),
        dates.stream()
            .filter(d -> d.computed() != null)
            .mapToInt(d -> d.computed().playersWritten())
            .sum());
    for (DateResult d : problems) {
      out.println(notDone(d.date(), d.problem().orElseThrow()));
    }
  }

  /** The most a NOT DONE line holds: the cause in one line; the whole error is a command away. */
  static final int MAX_LINE = 300;

  /** {@code NOT DONE date: why}, the why's first line, clipped to {@link #MAX_LINE}. */
  static String notDone(LocalDate date, String problem) {
    String line = "  NOT DONE " + date + ": " + problem.lines().findFirst().orElse("");
    if (line.length() <= MAX_LINE) {
      return line;
    }
    String more = "... (the whole error: ./pipeline deadletters, or -v)";
    return line.substring(0, MAX_LINE - more.length()) + more;
  }

  /** Whether every date asked for is done: computed (or skipped on purpose), passed, complete. */
  boolean allDone() {
    return dates.stream().noneMatch(d -> d.problem().isPresent());
  }
}
