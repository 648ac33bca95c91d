package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.runtime.TopicPublisher;
import java.time.LocalDate;

/**
 * metadata-tracking's requests to compute a date (backfill mode) and their record: a failure row of
 * a "requested" category, resolved with the date, that the next request of the same kind looks for.
 * Published before it is recorded, so a failure in between repeats the request (the message or
 * event is redelivered), never loses it.
 */
record DateRequests(TopicPublisher publisher, FailureRecorder failures) {
  /**
   * @param entity what asked (the failure row's entity id)
   * @param dedupKey what makes this request distinct from an earlier one of the same entity
   */
  void request(
      LocalDate date,
      String runId,
      String entity,
      FailureCategory category,
      String reason,
      String dedupKey) {
    publisher.publish(
        Topic.COMPOSITE_FACTORS_REQUESTS,
        DateRequest.backfill(date, runId).toJson(),
        Attributes.of(runId, date));
    failures.record(
        FunctionName.METADATA_TRACKING, runId, date, entity, category, reason, true, dedupKey);
  }
}
