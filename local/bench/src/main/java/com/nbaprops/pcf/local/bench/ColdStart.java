package com.nbaprops.pcf.local.bench;

import com.nbaprops.pcf.adapter.bigquery.BigQueryWarehouseFactory;
import com.nbaprops.pcf.adapter.embedded.PubSubCloudEvents;
import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.storage.GcsBlobStoreFactory;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.local.cloud.DeployJars;
import com.nbaprops.pcf.local.cloud.FunctionProcess;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.HttpPush;
import com.nbaprops.pcf.local.serve.WarehouseAnswers;
import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.loopback.LoopbackPubSub;
import com.nbaprops.pcf.loopback.LoopbackStorage;
import com.nbaprops.pcf.message.CoverageValidated;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.message.FactorsComputed;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Each function's deploy jar under the real Functions Framework invoker, in a process of its own as
 * Cloud Run starts it: the time from starting the process to the port accepting connections, and to
 * the first successful answer to a real request. The cloud is stood in for on loopback: BigQuery
 * answers every statement from a copy of a warehouse of the embedded default (so the function works
 * on real rows), Pub/Sub accepts what it publishes, Cloud Storage keeps the cleanup's backup.
 */
final class ColdStart {
  private static final String PROJECT = "bench-project";
  private static final LocalDate DATE = LocalDate.of(2023, 2, 25);

  /** Who played on {@link #DATE}, what the messages of the chain say of it. */
  private static final int PLAYERS = 154;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One start of one function: nanoseconds from the process start. */
  public record Start(long listening, long firstResponse) {}

  private final Path invokerJar;
  private final Path functionsDir;
  private final Path warehouse;
  private final Path scratch;
  private final String jvmOptions;

  /**
   * @param warehouse a warehouse of the embedded default after the chain ran over the season: what
   *     BigQuery answers from (copied for every start, since the cleanup deletes rows)
   * @param jvmOptions the function's {@code JAVA_TOOL_OPTIONS}, as its deployment can set them;
   *     empty for the runtime's defaults
   */
  public ColdStart(
      Path invokerJar, Path functionsDir, Path warehouse, Path scratch, String jvmOptions) {
    this.invokerJar = invokerJar;
    this.functionsDir = functionsDir;
    this.warehouse = warehouse;
    this.scratch = scratch;
    this.jvmOptions = jvmOptions;
  }

  /** The deploy jar of {@code function}, refused when stale (see {@link DeployJars}). */
  public Path deployJar(SuiteFunction function) throws IOException {
    return new DeployJars(functionsDir).of(function);
  }

  /** Starts the function's deploy jar, sends it one real request, and stops it. */
  public Start measure(SuiteFunction function) throws IOException, InterruptedException {
    Path jar = deployJar(function);
    Path answers = scratch.resolve("answers-" + function.functionName() + ".duckdb");
    Files.copy(warehouse, answers, StandardCopyOption.REPLACE_EXISTING);
    Catalog catalog = PipelineConfig.fromEnvironment(Map.of(), scratch.toString()).catalog();
    try (DuckDbWarehouse duckDb = DuckDbWarehouse.open(answers, catalog);
        LoopbackBigQuery bigQuery = new LoopbackBigQuery();
        LoopbackPubSub pubSub = new LoopbackPubSub();
        LoopbackStorage storage = new LoopbackStorage()) {
      if (function == SuiteFunction.UPCOMING_TABLES_CLEANUP) {
        keepOneDayToExpire(duckDb, catalog);
      }
      bigQuery.answerWith(new WarehouseAnswers(duckDb, catalog));
      Map<String, String> env = new HashMap<>();
      env.put(PipelineConfig.PROJECT_ID, PROJECT);
      env.put(PipelineConfig.WAREHOUSE, "bigquery");
      env.put(PipelineConfig.BUS, "pubsub");
      env.put(BigQueryWarehouseFactory.EMULATOR_HOST, bigQuery.host());
      env.put("PUBSUB_EMULATOR_HOST", pubSub.host());
      env.put(GcsBlobStoreFactory.EMULATOR_HOST, storage.host());
      if (function.usesBlobs()) {
        env.put(PipelineConfig.BLOBS, "gcs:bench-backups");
      }
      if (!jvmOptions.isBlank()) {
        env.put("JAVA_TOOL_OPTIONS", jvmOptions);
      }
      Path log = scratch.resolve(function.functionName() + ".log");
      Files.deleteIfExists(log);
      FunctionProcess process =
          FunctionProcess.start(invokerJar, jar.toString(), function, env, log);
      int port = process.port();
      long started = process.started();
      try (process) {
        long listening = process.awaitListening() - started;
        HttpResponse<String> response =
            CLIENT.send(
                HttpPush.request(URI.create("http://127.0.0.1:" + port + "/"), event(function)),
                HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime() - started;
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException(
              function.functionName()
                  + " answered "
                  + response.statusCode()
                  + " to its first request; its log: "
                  + log);
        }
        return new Start(listening, answered);
      }
    }
  }

  /**
   * The daily run's share: the upcoming tables keep one day of rows, which the cleanup backs up and
   * deletes (every date of 2022-23 is past its TTL today).
   */
  private static void keepOneDayToExpire(DuckDbWarehouse duckDb, Catalog catalog) {
    for (var table : Tables.UPCOMING) {
      duckDb.execute(
          Sql.of(catalog.template("DELETE FROM {table} WHERE {partition} <> @d", table).render())
              .date("d", DATE));
    }
  }

  /** A real request for the function, as Eventarc would push it. */
  private static CloudEvent event(SuiteFunction function) {
    String runId = "cold-start";
    String data =
        switch (function) {
          case COMPOSITE_FACTORS -> DateRequest.backfill(DATE, runId).toJson();
          case COVERAGE_VALIDATION ->
              new FactorsComputed(
                      runId,
                      DATE,
                      FactorsComputed.Status.COMPUTED,
                      DataSource.UPCG,
                      PLAYERS,
                      PLAYERS,
                      PLAYERS,
                      true,
                      false)
                  .toJson();
          case METADATA_TRACKING ->
              new CoverageValidated(
                      runId,
                      DATE,
                      Verdict.PASS,
                      PLAYERS,
                      PLAYERS,
                      DataSource.UPCG,
                      null,
                      "cold start")
                  .toJson();
          case UPCOMING_TABLES_CLEANUP -> "{\"trigger\":\"scheduled\"}";
        };
    Topic topic = function.triggers().get(0);
    return PubSubCloudEvents.messagePublished(
        PROJECT,
        topic.baseName(),
        "eventarc-" + topic.baseName(),
        Long.toString(System.nanoTime()),
        Instant.now(),
        data,
        Map.of("run_id", runId));
  }
}
