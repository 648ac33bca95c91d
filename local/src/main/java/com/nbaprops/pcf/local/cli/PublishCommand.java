package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.FunctionInbox;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.table.Tables;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a message to a topic of the local bus, as `gcloud pubsub topics publish TOPIC --message JSON` does"
          + " in the cloud; the subscribed functions run before this returns.",
      "Example: ./pipeline publish composite-factors-requests '{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}'"
    })
final class PublishCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(
      index = "0",
      paramLabel = "TOPIC",
      description = "Topic name without the environment prefix.")
  String topic;

  @Parameters(index = "1", paramLabel = "JSON", description = "The message data.")
  String json;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    Topic known = Topic.parse(topic);
    try (LocalRuntime local = root.global.open()) {
      int before = local.bus().published().size();
      String id = local.runtime().publisher().publish(known, json, Map.of());
      if (!local.deliversLocally()) {
        return Handover.report(local, known, id, out);
      }
      int after = local.bus().published().size();
      out.println(
          "published message "
              + id
              + " to "
              + local.runtime().config().topic(known)
              + "; "
              + (after - before - 1)
              + " downstream messages followed");
      List<LocalEventBus.Message> downstream = local.bus().published().subList(before + 1, after);
      downstream.forEach(m -> out.println("  " + m.topic() + " " + StructuredLog.escape(m.data())));
      return outcome(local, id, downstream);
    }
  }

  /**
   * 2 when a function refused the message as bad input, 1 when something failed, was dead-lettered,
   * or the chain ended with a FAIL or ERROR verdict or an INCOMPLETE date, else 0.
   */
  private int outcome(LocalRuntime local, String id, List<LocalEventBus.Message> downstream) {
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
      if (message.topic().equals(validated)) {
        CoverageValidated verdict = CoverageValidated.fromJson(message.data());
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
    for (String runId : runIds(id, downstream)) {
      for (Row row : incomplete(local, runId)) {
        out.println("INCOMPLETE " + row.date("analysis_date") + " (run " + runId + ")");
        code = ExitCodes.PROBLEM;
      }
    }
    return code;
  }

  /** The runs the message started: its own (named, or derived from its id) and its followers'. */
  private Set<String> runIds(String id, List<LocalEventBus.Message> downstream) {
    Set<String> runIds = new LinkedHashSet<>();
    try {
      JsonFields.parse(json).optionalRunId().ifPresent(runIds::add);
    } catch (InvalidMessageException e) {
      // A message without a readable run id was rejected above, or runs under its derived id.
    }
    runIds.add(FunctionInbox.runIdOf(id));
    downstream.forEach(m -> runIds.add(m.attributes().get(Attributes.RUN_ID)));
    runIds.remove(null);
    return runIds;
  }

  private static List<Row> incomplete(LocalRuntime local, String runId) {
    return local
        .runtime()
        .warehouse()
        .query(
            Sql.of(
                    "SELECT analysis_date FROM "
                        + local.tableName(Tables.BACKFILL_PROCESSING_METADATA)
                        + " WHERE run_id = @run_id AND status = @status")
                .string("run_id", runId)
                .string("status", CoverageStatus.INCOMPLETE.name()));
  }
}
