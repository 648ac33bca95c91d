package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;

/**
 * What a command says when its message went to Pub/Sub: the deployed functions do the work, not
 * this process.
 */
final class Handover {
  private Handover() {}

  static int report(LocalRuntime local, Topic topic, String messageId, PrintWriter out) {
    PipelineConfig config = local.runtime().config();
    // The project the bus publishes to: --bus pubsub:PROJECT's, else PROJECT_ID.
    String project =
        BackendSpec.parse(PipelineConfig.BUS, config.bus()).projectOr(config.projectId());
    out.println(
        "published message "
            + messageId
            + " to projects/"
            + project
            + "/topics/"
            + config.topic(topic)
            + "; the deployed functions process it"
            + " (follow it with: ./pipeline status --warehouse bigquery:"
            + project
            + ")");
    return ExitCodes.OK;
  }
}
