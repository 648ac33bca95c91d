package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a season run is for: the clean truth, or the operations with incidents measured on it. */
sealed interface RunMode {
  /** The incidents injected into the season's timeline. */
  List<IncidentPlan.Planned> planned();

  /** How long the on-call team takes from an alert naming an upstream table to its re-run. */
  Duration onCallDelay();

  /** Whether the rows of {@code date} are the ones it must end with. */
  boolean rowsAreRight(LocalDate date, SeasonReads reads);

  /** Subscribes the functions this run needs to {@code bus}. */
  void subscribe(PipelineRuntime runtime, LocalEventBus bus, Path scratch);

  /**
   * The truth: every input of the season in place, each game date requested once; it needs the rows
   * only, which composite-factors alone writes.
   */
  record Clean() implements RunMode {
    @Override
    public List<IncidentPlan.Planned> planned() {
      return List.of();
    }

    @Override
    public Duration onCallDelay() {
      return IncidentPlan.ON_CALL_DELAY;
    }

    @Override
    public boolean rowsAreRight(LocalDate date, SeasonReads reads) {
      return true;
    }

    @Override
    public void subscribe(PipelineRuntime runtime, LocalEventBus bus, Path scratch) {
      Topic requests = Topic.COMPOSITE_FACTORS_REQUESTS;
      bus.subscribe(
          runtime.config().topic(requests),
          SuiteFunction.COMPOSITE_FACTORS.subscription(requests),
          SuiteFunction.COMPOSITE_FACTORS.create(runtime));
    }
  }

  /**
   * The season as production runs it, all four functions on the bus, with {@code planned}
   * incidents; a date is healed once its rows equal {@code truth}'s (the clean run's, which may
   * still be running: it is waited for at the first heal).
   */
  record Rehearsed(
      List<IncidentPlan.Planned> planned,
      Supplier<Map<LocalDate, List<Row>>> truth,
      Duration onCallDelay)
      implements RunMode {
    @Override
    public boolean rowsAreRight(LocalDate date, SeasonReads reads) {
      return reads.factorRows(date).equals(truth.get().getOrDefault(date, List.of()));
    }

    @Override
    public void subscribe(PipelineRuntime runtime, LocalEventBus bus, Path scratch) {
      LocalRuntime.of(runtime, bus, scratch);
    }
  }
}
