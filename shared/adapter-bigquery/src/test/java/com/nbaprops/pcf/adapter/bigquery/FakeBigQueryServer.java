package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A loopback HTTP server that speaks enough of BigQuery's REST API (v2) for the real client: it
 * records every call and answers as the API reference documents (jobs.query, jobs.insert, jobs.get,
 * jobs.getQueryResults, resumable uploads, datasets and tables). Queries answer with the canned
 * result a test sets; nothing is executed.
 */
final class FakeBigQueryServer implements AutoCloseable {
  static final String PROJECT = "test-project";

  /** One REST call, with its body un-gzipped (JSON for API calls, the data for an upload). */
  record Call(String method, String path, String query, String body) {
    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, JsonObject> jobs = new HashMap<>();
  private final Map<String, JsonObject> uploads = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private JsonObject queryResult = result(new JsonArray(), new JsonArray());
  private long dmlAffectedRows;

  FakeBigQueryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  BigQuery client() {
    return BigQueryOptions.newBuilder()
        .setHost("http://127.0.0.1:" + server.getAddress().getPort())
        .setProjectId(PROJECT)
        .setCredentials(NoCredentials.getInstance())
        .setTransportOptions(HttpTransportOptions.newBuilder().build())
        .build()
        .getService();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls that started a job: a query, a DML statement or a load. */
  synchronized List<Call> jobsStarted() {
    return calls.stream()
        .filter(
            c ->
                c.method().equals("POST")
                    && (c.path().endsWith("/queries") || c.path().endsWith("/jobs")))
        .toList();
  }

  /** The answer to the next queries: a schema of [name, type] pairs and rows of string cells. */
  synchronized void answerQueries(List<String[]> schema, List<List<String>> rows) {
    JsonArray fields = new JsonArray();
    for (String[] field : schema) {
      JsonObject f = new JsonObject();
      f.addProperty("name", field[0]);
      f.addProperty("type", field[1]);
      f.addProperty("mode", "NULLABLE");
      fields.add(f);
    }
    JsonArray jsonRows = new JsonArray();
    for (List<String> row : rows) {
      JsonArray cells = new JsonArray();
      for (String value : row) {
        JsonObject cell = new JsonObject();
        cell.addProperty("v", value);
        cells.add(cell);
      }
      JsonObject r = new JsonObject();
      r.add("f", cells);
      jsonRows.add(r);
    }
    queryResult = result(fields, jsonRows);
  }

  synchronized void answerDml(long affectedRows) {
    this.dmlAffectedRows = affectedRows;
  }

  private static JsonObject result(JsonArray fields, JsonArray rows) {
    JsonObject schema = new JsonObject();
    schema.add("fields", fields);
    JsonObject result = new JsonObject();
    result.addProperty("kind", "bigquery#queryResponse");
    result.add("schema", schema);
    result.add("rows", rows);
    result.addProperty("totalRows", Integer.toString(rows.size()));
    result.addProperty("jobComplete", true);
    return result;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String body = new String(read(exchange), StandardCharsets.UTF_8);
    calls.add(new Call(method, path, query == null ? "" : query, body));
    String base = "/bigquery/v2/projects/" + PROJECT;
    String upload = "/upload" + base + "/jobs";

    if (method.equals("POST") && path.equals(base + "/queries")) {
      JsonObject response = queryResult.deepCopy();
      response.add("jobReference", jobReference("query-" + ids.incrementAndGet()));
      respond(exchange, 200, response);
    } else if (method.equals("POST") && path.equals(base + "/jobs")) {
      JsonObject job = JsonParser.parseString(body).getAsJsonObject();
      respond(exchange, 200, finish(job));
    } else if (method.equals("GET") && path.startsWith(base + "/jobs/")) {
      JsonObject job = jobs.get(path.substring(path.lastIndexOf('/') + 1));
      respond(exchange, job == null ? 404 : 200, job == null ? error(404, "Not found: Job") : job);
    } else if (method.equals("GET") && path.startsWith(base + "/queries/")) {
      JsonObject response = queryResult.deepCopy();
      response.add("jobReference", jobReference(path.substring(path.lastIndexOf('/') + 1)));
      response.addProperty("numDmlAffectedRows", Long.toString(dmlAffectedRows));
      respond(exchange, 200, response);
    } else if (method.equals("POST") && path.equals(upload)) {
      String uploadId = "upload-" + ids.incrementAndGet();
      uploads.put(uploadId, JsonParser.parseString(body).getAsJsonObject());
      exchange
          .getResponseHeaders()
          .add(
              "Location",
              "http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + upload
                  + "?uploadType=resumable&upload_id="
                  + uploadId);
      respond(exchange, 200, new JsonObject());
    } else if (method.equals("PUT") && path.equals(upload)) {
      String uploadId = query.substring(query.indexOf("upload_id=") + "upload_id=".length());
      respond(exchange, 200, finish(uploads.get(uploadId)));
    } else if (method.equals("GET") && path.contains("/datasets/")) {
      respond(exchange, 404, error(404, "Not found: " + path));
    } else if (method.equals("POST") && path.endsWith("/datasets")) {
      respond(exchange, 200, JsonParser.parseString(body).getAsJsonObject());
    } else if (method.equals("POST") && path.endsWith("/tables")) {
      JsonObject table = JsonParser.parseString(body).getAsJsonObject();
      table.addProperty("type", "TABLE");
      respond(exchange, 200, table);
    } else {
      respond(exchange, 400, error(400, "the fake does not answer " + method + " " + path));
    }
  }

  /** A job as jobs.get shows it once done: the request's configuration, status DONE, statistics. */
  private JsonObject finish(JsonObject request) {
    JsonObject job = request.deepCopy();
    String id =
        job.has("jobReference") && job.getAsJsonObject("jobReference").has("jobId")
            ? job.getAsJsonObject("jobReference").get("jobId").getAsString()
            : "job-" + ids.incrementAndGet();
    job.add("jobReference", jobReference(id));
    JsonObject status = new JsonObject();
    status.addProperty("state", "DONE");
    job.add("status", status);
    JsonObject statistics = new JsonObject();
    statistics.addProperty("creationTime", "1");
    if (job.getAsJsonObject("configuration").has("query")) {
      JsonObject queryStatistics = new JsonObject();
      queryStatistics.addProperty("numDmlAffectedRows", Long.toString(dmlAffectedRows));
      statistics.add("query", queryStatistics);
    }
    job.add("statistics", statistics);
    jobs.put(id, job);
    return job;
  }

  private static JsonObject jobReference(String id) {
    JsonObject reference = new JsonObject();
    reference.addProperty("projectId", PROJECT);
    reference.addProperty("jobId", id);
    reference.addProperty("location", "US");
    return reference;
  }

  private static JsonObject error(int code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject body = new JsonObject();
    body.add("error", error);
    return body;
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    boolean gzip =
        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    if (!gzip) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private static void respond(HttpExchange exchange, int status, JsonObject body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
