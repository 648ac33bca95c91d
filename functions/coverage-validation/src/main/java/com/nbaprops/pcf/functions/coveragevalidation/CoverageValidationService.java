package com.nbaprops.pcf.functions.coveragevalidation;

import com.nbaprops.pcf.config.DateInput;
import com.nbaprops.pcf.config.FeatureThreshold;
import com.nbaprops.pcf.config.InputThreshold;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.InputReport;
import com.nbaprops.pcf.rules.CoverageGate;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.runtime.TopicPublisher;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks a computed date: players written against players who played, every input against what
 * should exist (a scheduled game without box scores is never an off day), and the share of non-null
 * values of each configured feature. Publishes the verdict on {@code coverage-validated}. A failure
 * to check is an ERROR verdict, which never counts as passing.
 */
final class CoverageValidationService {
  private final CoverageCounts counts;
  private final CoverageGate gate;
  private final TopicPublisher publisher;
  private final StructuredLog log;

  CoverageValidationService(
      Warehouse warehouse,
      Catalog catalog,
      CoverageGate gate,
      List<FeatureThreshold> features,
      Map<DateInput, InputThreshold> inputs,
      TopicPublisher publisher,
      StructuredLog log) {
    this.counts = new CoverageCounts(warehouse, catalog, features, inputs);
    this.gate = gate;
    this.publisher = publisher;
    this.log = log;
  }

  CoverageValidated validate(FactorsComputed computed) {
    LocalDate date = computed.analysisDate();
    CoverageValidated result =
        check(
            computed,
            () -> counts.snapshot(date),
            log.with("run_id", computed.runId()).with("analysis_date", date));
    publisher.publish(
        Topic.COVERAGE_VALIDATED, result.toJson(), Attributes.of(computed.runId(), date));
    return result;
  }

  /**
   * Every date of a chunk, counted in one query and judged as {@link #validate} judges one; one
   * message with every verdict. A count that cannot run is an ERROR verdict for each date.
   */
  List<CoverageValidated> validateChunk(DateChunk<FactorsComputed> chunk) {
    List<LocalDate> dates = chunk.dates();
    Function<LocalDate, CoverageCounts.Snapshot> counted =
        counted(new DateRange(Collections.min(dates), Collections.max(dates)));
    List<CoverageValidated> verdicts = new ArrayList<>();
    for (FactorsComputed computed : chunk.items()) {
      LocalDate date = computed.analysisDate();
      verdicts.add(
          check(
              computed,
              () -> counted.apply(date),
              log.with("run_id", chunk.runId()).with("analysis_date", date)));
    }
    DateChunk<CoverageValidated> message = DateChunk.VERDICTS.of(chunk.runId(), verdicts);
    publisher.publish(
        Topic.COVERAGE_VALIDATED, message.toJson(), Attributes.ofChunk(chunk.runId(), dates));
    return verdicts;
  }

  /**
   * The span's counts, read once; a count that could not be read fails each date's check in turn,
   * as one date's would.
   */
  private Function<LocalDate, CoverageCounts.Snapshot> counted(DateRange span) {
    try {
      return counts.snapshots(span)::get;
    } catch (RuntimeException e) {
      return date -> {
        throw e;
      };
    }
  }

  private CoverageValidated check(
      FactorsComputed computed, Supplier<CoverageCounts.Snapshot> snapshot, StructuredLog log) {
    if (computed.status() == FactorsComputed.Status.SKIPPED_BOOTSTRAP) {
      log.info("validation skipped: bootstrap day, not computed on purpose");
      return result(
          computed, Verdict.SKIPPED, 0, 0, null, null, "bootstrap day: skipped, not failed");
    }
    try {
      CoverageCounts.Snapshot now = snapshot.get();
      int expected = now.expected();
      CoverageCounts.Written written = now.written();
      DataSource source =
          written.dataSource() != null ? written.dataSource() : computed.dataSource();
      if (computed.force()) {
        log.warning(
            String.format(
                "coverage validation BYPASSED (force): %d of %d players written, not checked",
                written.players(), expected));
        return result(
            computed,
            Verdict.SKIPPED,
            expected,
            written.players(),
            source,
            null,
            "force: validation bypassed");
      }
      InputReport inputs = now.inputs();
      Verdict verdict = now.verdict(gate);
      CoverageCounts.Features report = now.features();
      String reason = reason(now, written, inputs);
      String problems = CoverageCounts.problems(report, inputs);
      log.log(
          verdict == Verdict.PASS
              ? Severity.INFO
              : verdict == Verdict.WARN ? Severity.WARNING : Severity.ERROR,
          "coverage " + verdict + ": " + reason + (problems == null ? "" : "; " + problems));
      return result(computed, verdict, expected, written.players(), source, problems, reason);
    } catch (RuntimeException e) {
      log.error("coverage ERROR (counts as not passing): " + e.getMessage(), e);
      return result(
          computed,
          Verdict.ERROR,
          0,
          0,
          computed.dataSource(),
          null,
          "validation could not run: " + e.getMessage());
    }
  }

  /**
   * The verdict's reason in words that are true: while a scheduled game has no box scores, the
   * players who played cannot be counted, so the reason names the games, not a percentage of a
   * count that is short.
   */
  private static String reason(
      CoverageCounts.Snapshot now, CoverageCounts.Written written, InputReport inputs) {
    if (now.offDay()) {
      return "off day: no game scheduled";
    }
    if (inputs.upstreamNotReady()) {
      return "upstream not ready: "
          + inputs.notReady()
          + "; the players who played cannot be counted until the box scores land ("
          + written.players()
          + " players written)";
    }
    return String.format(
            "%d of %d players (%.1f%%)",
            written.players(), now.expected(), Coverage.percent(written.players(), now.expected()))
        + (inputs.criticalShortfall() ? "; an input is missing" : "");
  }

  private static CoverageValidated result(
      FactorsComputed computed,
      Verdict verdict,
      int expected,
      int actual,
      DataSource source,
      String featureReport,
      String reason) {
    return new CoverageValidated(
        computed.runId(),
        computed.analysisDate(),
        verdict,
        expected,
        actual,
        source,
        featureReport,
        reason);
  }
}
