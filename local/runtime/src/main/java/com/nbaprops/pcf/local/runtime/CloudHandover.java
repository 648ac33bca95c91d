package com.nbaprops.pcf.local.runtime;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Messages go to Pub/Sub and the deployed functions process them, not this process: an operation
 * says where its request went and how to follow it.
 */
record CloudHandover(LocalRuntime local) implements Delivery {
  @Override
  public int outcome(Topic topic, String what, PrintWriter out, IntSupplier here) {
    PipelineConfig config = local.runtime().config();
    String project = project(config);
    out.println(
        "published "
            + what
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

  @Override
  public DeadLetterQueue deadLetters(Map<String, String> env) {
    PipelineConfig config = local.runtime().config();
    return new CloudDeadLetterQueue(local, project(config), env.get("PUBSUB_EMULATOR_HOST"));
  }

  /** The project the bus publishes to: --bus pubsub:PROJECT's, else PROJECT_ID. */
  private static String project(PipelineConfig config) {
    return BackendSpec.parse(PipelineConfig.BUS, config.bus()).projectOr(config.projectId());
  }
}
