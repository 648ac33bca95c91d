package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import java.util.List;

/**
 * The reasons a function gave for refusing a message as bad input, read from the failures table.
 */
final class Rejections {
  private Rejections() {}

  /** Why the message with {@code messageId} was rejected today, if it was. */
  static List<String> ofMessage(LocalRuntime local, String messageId) {
    return reasons(local, "entity_id = @key", "MESSAGE:" + messageId);
  }

  /** Why messages of run {@code runId} were rejected today. */
  static List<String> ofRun(LocalRuntime local, String runId) {
    return reasons(local, "run_id = @key", runId);
  }

  private static List<String> reasons(LocalRuntime local, String condition, String key) {
    List<Row> rows =
        local.query(
            Sql.of(
                    local
                        .template(
                            "SELECT failure_reason FROM {precompute_failures} WHERE analysis_date"
                                + " = @today AND failure_category = @category AND {condition}")
                        .with("condition", condition)
                        .render())
                .date("today", local.runtime().leagueClock().today())
                .string("category", FailureCategory.INVALID_MESSAGE.name())
                .string("key", key));
    // A reason quotes the message: it is shown escaped, so a message cannot drive the terminal.
    return rows.stream().map(row -> StructuredLog.escape(row.string("failure_reason"))).toList();
  }
}
