package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.LocalRuntime;
import java.io.PrintStream;

/**
 * What a command says when its message went to Pub/Sub: the deployed functions do the work, not
 * this process.
 */
final class Handover {
  private Handover() {}

  static int report(LocalRuntime local, Topic topic, String messageId, PrintStream out) {
    out.println(
        "published message "
            + messageId
            + " to projects/"
            + local.runtime().config().projectId()
            + "/topics/"
            + local.runtime().config().topic(topic)
            + "; the deployed functions process it"
            + " (follow it with: ./pipeline status --warehouse bigquery:PROJECT)");
    return ExitCodes.OK;
  }
}
