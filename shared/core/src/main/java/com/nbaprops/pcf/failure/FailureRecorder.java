package com.nbaprops.pcf.failure;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes to the failures table with DML (never streaming, so rows can later be resolved). The
 * failure id is derived from what identifies the failure, so a redelivered message records it once.
 */
public final class FailureRecorder {
  private static final int MAX_REASON_LENGTH = 1000;

  private final Warehouse warehouse;
  private final Catalog catalog;
  private final Clock clock;

  public FailureRecorder(Warehouse warehouse, Catalog catalog, Clock clock) {
    this.warehouse = warehouse;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Records a failure unless one with the same processor, date, entity, category and {@code
   * dedupKey} exists.
   *
   * @param dedupKey what makes this occurrence distinct (a message id, a run id)
   */
  public void record(
      FunctionName processor,
      String runId,
      LocalDate analysisDate,
      String entityId,
      FailureCategory category,
      String reason,
      boolean canRetry,
      String dedupKey) {
    String id =
        UUID.nameUUIDFromBytes(
                String.join(
                        "|",
                        processor.id(),
                        analysisDate.toString(),
                        entityId,
                        category.name(),
                        dedupKey)
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    String text =
        reason.length() <= MAX_REASON_LENGTH
            ? reason
            : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    warehouse.execute(
        catalog
            .sql(
                """
                MERGE INTO {precompute_failures} AS target
                USING (SELECT @failure_id AS failure_id) AS source
                ON target.failure_id = source.failure_id
                WHEN NOT MATCHED THEN
                  INSERT (failure_id, processor_name, run_id, analysis_date, entity_id, failure_category,
                          failure_reason, can_retry, resolution_status, resolved_at, created_at)
                  VALUES (@failure_id, @processor_name, @run_id, @analysis_date, @entity_id, @failure_category,
                          @failure_reason, @can_retry, 'UNRESOLVED', NULL, @created_at)
                """)
            .string("failure_id", id)
            .string("processor_name", processor.id())
            .string("run_id", runId)
            .date("analysis_date", analysisDate)
            .string("entity_id", entityId)
            .string("failure_category", category.name())
            .string("failure_reason", text)
            .bool("can_retry", canRetry)
            .timestamp("created_at", clock.instant()));
  }
}
