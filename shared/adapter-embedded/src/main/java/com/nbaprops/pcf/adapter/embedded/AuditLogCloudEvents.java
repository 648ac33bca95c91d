package com.nbaprops.pcf.adapter.embedded;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.transport.TableWritten;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds the CloudEvent an Eventarc trigger on BigQuery's audit logs delivers when a job changes a
 * table's data: a {@code google.cloud.audit.log.v1.written} event carrying the log entry, with
 * BigQueryAuditMetadata's {@code tableDataChange} (the form the golden {@code
 * bigquery-table-data-change} event holds), so local landings exercise the decoding the cloud's do.
 */
public final class AuditLogCloudEvents {
  private static final String METHOD = "google.cloud.bigquery.v2.JobService.InsertJob";

  private AuditLogCloudEvents() {}

  /**
   * The entry for job {@code jobId} writing {@code table}, logged at {@code at}.
   *
   * @param insertId the log entry's id: unique per entry, as Cloud Logging's is
   */
  public static CloudEvent tableDataChange(
      String projectId,
      String dataset,
      String table,
      String jobId,
      String insertId,
      Instant at,
      long insertedRows,
      long deletedRows) {
    String resource = "projects/" + projectId + "/datasets/" + dataset + "/tables/" + table;
    String logName = "projects/" + projectId + "/logs/cloudaudit.googleapis.com%2Fdata_access";
    JsonObject change = new JsonObject();
    change.addProperty("reason", "QUERY");
    change.addProperty("jobName", "projects/" + projectId + "/jobs/" + jobId);
    // int64 fields are strings in protobuf's JSON form.
    change.addProperty("insertedRowsCount", Long.toString(insertedRows));
    change.addProperty("deletedRowsCount", Long.toString(deletedRows));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("@type", "type.googleapis.com/google.cloud.audit.BigQueryAuditMetadata");
    metadata.add("tableDataChange", change);
    JsonObject payload = new JsonObject();
    payload.addProperty("@type", "type.googleapis.com/google.cloud.audit.AuditLog");
    payload.addProperty("methodName", METHOD);
    payload.addProperty("resourceName", resource);
    payload.addProperty("serviceName", "bigquery.googleapis.com");
    payload.add("metadata", metadata);
    payload.add("status", new JsonObject());
    JsonObject labels = new JsonObject();
    labels.addProperty("dataset_id", dataset);
    labels.addProperty("project_id", projectId);
    JsonObject monitored = new JsonObject();
    monitored.addProperty("type", "bigquery_dataset");
    monitored.add("labels", labels);
    JsonObject entry = new JsonObject();
    entry.addProperty("insertId", insertId);
    entry.addProperty("logName", logName);
    entry.add("protoPayload", payload);
    entry.addProperty("receiveTimestamp", at.toString());
    entry.add("resource", monitored);
    entry.addProperty("severity", "INFO");
    entry.addProperty("timestamp", at.toString());
    return CloudEventBuilder.v1()
        .withId(logName + "-" + insertId)
        .withSource(
            URI.create("//cloudaudit.googleapis.com/projects/" + projectId + "/logs/data_access"))
        .withType(TableWritten.EVENT_TYPE)
        .withSubject("bigquery.googleapis.com/" + resource)
        .withDataContentType("application/json; charset=utf-8")
        .withTime(at.atOffset(ZoneOffset.UTC))
        .withExtension("methodname", METHOD)
        .withExtension("resourcename", resource)
        .withExtension("servicename", "bigquery.googleapis.com")
        .withData(entry.toString().getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
