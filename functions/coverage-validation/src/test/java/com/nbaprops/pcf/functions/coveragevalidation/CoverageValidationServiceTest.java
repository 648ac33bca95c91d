package com.nbaprops.pcf.functions.coveragevalidation;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageValidationServiceTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  @TempDir Path blobs;
  private RuntimeFixture fixture;
  private PipelineRuntime runtime;
  private CoverageValidationService service;

  @BeforeEach
  void setUp() {
    fixture = new RuntimeFixture(blobs);
    runtime = fixture.runtime();
    service =
        new CoverageValidationService(
            runtime.warehouse(),
            runtime.config().catalog(),
            runtime.config().thresholds().coverageGate(),
            runtime.config().featureThresholds(),
            runtime.config().inputThresholds(),
            runtime.publisher(),
            runtime.log(FunctionName.COVERAGE_VALIDATION));
  }

  private static FactorsComputed computed(boolean force) {
    return new FactorsComputed(
        "r1", DAY, FactorsComputed.Status.COMPUTED, DataSource.UPCG, 0, 0, 0, true, force);
  }

  @Test
  void anOffDayPasses() {
    assertThat(service.validate(computed(false)).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void forceSkipsTheCheckAndSaysSo() {
    assertThat(service.validate(computed(true)).verdict()).isEqualTo(Verdict.SKIPPED);
    assertThat(fixture.logged(Severity.WARNING, "coverage validation BYPASSED")).isTrue();
  }

  @Test
  void aWarehouseErrorIsAnErrorVerdictThatNeverPasses() {
    runtime.warehouse().close();

    var result = service.validate(computed(false));

    assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(result.verdict().passes()).isFalse();
    assertThat(result.reason()).contains("validation could not run");
    // The entry carries the stack trace, as Error Reporting needs to group it.
    assertThat(fixture.logged(Severity.ERROR, "\tat com.nbaprops.pcf.")).isTrue();
  }

  @Test
  void aChunkIsCountedOnceAndEachDateJudgedOnItsOwn() {
    FactorsComputed bootstrap =
        new FactorsComputed(
            "r1",
            DAY.plusDays(1),
            FactorsComputed.Status.SKIPPED_BOOTSTRAP,
            null,
            0,
            0,
            0,
            true,
            false);

    var verdicts =
        service.validateChunk(DateChunk.OUTCOMES.of("r1", List.of(computed(false), bootstrap)));

    assertThat(verdicts.stream().map(CoverageValidated::verdict).toList())
        .containsExactly(Verdict.PASS, Verdict.SKIPPED)
        .inOrder();
    assertThat(fixture.published(Topic.COVERAGE_VALIDATED)).hasSize(1);
  }

  @Test
  void aChunkWhoseCountsCannotBeReadIsAnErrorVerdictForEachDate() {
    runtime.warehouse().close();

    var verdicts =
        service.validateChunk(
            DateChunk.OUTCOMES.of("r1", List.of(computed(false), computedOn(DAY.plusDays(2)))));

    assertThat(verdicts.stream().map(CoverageValidated::verdict).toList())
        .containsExactly(Verdict.ERROR, Verdict.ERROR);
  }

  private static FactorsComputed computedOn(LocalDate date) {
    return new FactorsComputed(
        "r1", date, FactorsComputed.Status.COMPUTED, DataSource.UPCG, 0, 0, 0, true, false);
  }

  @Test
  void aBootstrapDayIsSkipped() {
    var bootstrap =
        new FactorsComputed(
            "r1", DAY, FactorsComputed.Status.SKIPPED_BOOTSTRAP, null, 0, 0, 0, true, false);
    assertThat(service.validate(bootstrap).verdict()).isEqualTo(Verdict.SKIPPED);
  }
}
