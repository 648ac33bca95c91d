package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateChunk;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.CoverageStatus;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a message to a topic of the bus, as {@code gcloud pubsub topics publish} does in the
 * cloud; on the embedded bus the subscribed functions run before it returns, and what followed is
 * shown.
 */
public final class Publish {
  private Publish() {}

  public static int message(LocalRuntime local, Topic topic, String json, PrintWriter out) {
    int before = local.bus().published().size();
    String id = local.runtime().publisher().publish(topic, json, Map.of());
    return local
        .delivery()
        .outcome(topic, "message " + id, out, () -> followed(local, topic, json, id, before, out));
  }

  /** Prints the messages that followed {@code id} in this process, and the outcome. */
  private static int followed(
      LocalRuntime local, Topic topic, String json, String id, int before, PrintWriter out) {
    int after = local.bus().published().size();
    out.println(
        "published message "
            + id
            + " to "
            + local.runtime().config().topic(topic)
            + "; "
            + (after - before - 1)
            + " downstream messages followed");
    List<LocalEventBus.Message> downstream = local.bus().published().subList(before + 1, after);
    downstream.forEach(m -> out.println("  " + m.topic() + " " + StructuredLog.escape(m.data())));
    return outcome(local, json, id, downstream, out);
  }

  /**
   * 2 when a function refused the message as bad input, 1 when something failed, was dead-lettered,
   * or the chain ended with a FAIL or ERROR verdict or an INCOMPLETE date, else 0.
   */
  private static int outcome(
      LocalRuntime local,
      String json,
      String id,
      List<LocalEventBus.Message> downstream,
      PrintWriter out) {
    List<String> rejected = Rejections.ofMessage(local, id);
    if (!rejected.isEmpty()) {
      rejected.forEach(reason -> out.println("REJECTED " + reason));
      return ExitCodes.USAGE;
    }
    int code = ExitCodes.OK;
    for (var letter : local.bus().deadLetters()) {
      out.println(
          "DEAD-LETTERED "
              + letter.message().topic()
              + " from "
              + letter.subscription()
              + ": "
              + letter.lastError());
      code = ExitCodes.PROBLEM;
    }
    String validated = local.runtime().config().topic(Topic.COVERAGE_VALIDATED);
    for (LocalEventBus.Message message : downstream) {
      if (!message.topic().equals(validated)) {
        continue;
      }
      for (CoverageValidated verdict : DateChunk.VERDICTS.in(message.data())) {
        if (!verdict.verdict().passes()) {
          out.println(
              "COVERAGE "
                  + verdict.verdict()
                  + " "
                  + verdict.analysisDate()
                  + ": "
                  + verdict.reason());
          code = ExitCodes.PROBLEM;
        }
      }
    }
    for (String runId : runIds(json, id, downstream)) {
      for (Row row : incomplete(local, runId)) {
        out.println(
            row.string("status") + " " + row.date("analysis_date") + " (run " + runId + ")");
        code = ExitCodes.PROBLEM;
      }
    }
    return code;
  }

  /** The runs the message started: its own (named, or derived from its id) and its followers'. */
  private static Set<String> runIds(
      String json, String id, List<LocalEventBus.Message> downstream) {
    Set<String> runIds = new LinkedHashSet<>();
    try {
      JsonFields.parse(json).optionalRunId().ifPresent(runIds::add);
    } catch (InvalidMessageException e) {
      // A message without a readable run id was rejected above, or runs under its derived id.
    }
    runIds.add(Attributes.runIdOf(id));
    downstream.forEach(m -> runIds.add(m.attributes().get(Attributes.RUN_ID)));
    runIds.remove(null);
    return runIds;
  }

  private static List<Row> incomplete(LocalRuntime local, String runId) {
    return local.query(
        local
            .sql(
                "SELECT analysis_date, status FROM {backfill_processing_metadata}"
                    + " WHERE run_id = @run_id AND status IN (@incomplete, @stale)")
            .string("run_id", runId)
            .string("incomplete", CoverageStatus.INCOMPLETE.name())
            .string("stale", CoverageStatus.STALE.name()));
  }
}
