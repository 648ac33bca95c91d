package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.message.FactorsComputed;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/** The {@code composite-factors-computed} messages of one run, as a table. */
record RunResults(List<FactorsComputed> dates) {

  static RunResults of(LocalRuntime local, String runId) {
    String topic = local.runtime().config().topic(Topic.COMPOSITE_FACTORS_COMPUTED);
    return new RunResults(
        local.bus().published(topic).stream()
            .map(message -> FactorsComputed.fromJson(message.data()))
            .filter(outcome -> outcome.runId().equals(runId))
            .sorted(Comparator.comparing(FactorsComputed::analysisDate))
            .toList());
  }

  void print(PrintStream out) {
    out.printf(
        "%-10s  %-17s  %-9s  %13s  %8s%n", "date", "status", "source", "upcoming/exp", "written");
    for (FactorsComputed d : dates) {
      out.printf(
          "%-10s  %-17s  %-9s  %13s  %8d%n",
          d.analysisDate(),
          d.status(),
          d.source().map(DataSource::name).orElse("-"),
          d.upcomingPlayers() + "/" + d.expectedPlayers(),
          d.playersWritten());
    }
    long computed =
        dates.stream().filter(d -> d.status() == FactorsComputed.Status.COMPUTED).count();
    long synthetic = dates.stream().filter(d -> d.dataSource() == DataSource.SYNTHETIC).count();
    out.printf(
        "%d dates: %d computed (%d from the synthetic fallback), %d skipped, %d without input; %d player rows%n",
        dates.size(),
        computed,
        synthetic,
        dates.stream().filter(d -> d.status() == FactorsComputed.Status.SKIPPED_BOOTSTRAP).count(),
        dates.stream().filter(d -> d.status() == FactorsComputed.Status.NO_INPUT).count(),
        dates.stream().mapToInt(FactorsComputed::playersWritten).sum());
  }

  boolean anyWithoutInput() {
    return dates.stream().anyMatch(d -> d.status() == FactorsComputed.Status.NO_INPUT);
  }
}
