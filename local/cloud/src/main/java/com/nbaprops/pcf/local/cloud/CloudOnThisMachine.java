package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.adapter.bigquery.BigQueryWarehouseFactory;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.BackendChoice;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.WarehouseAnswers;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.loopback.BigQueryRules;
import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.loopback.PubSubEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The production path on this machine: each function's deploy jar under the Functions Framework
 * invoker, as many processes as the deployment allows, started when a request needs one; the real
 * Pub/Sub emulator with the deployed push subscriptions, delivery attempts, backoff and dead-letter
 * topics; Eventarc's push in between; every statement through the real BigQuery client to the
 * loopback BigQuery, which applies {@link BigQueryRules} and serves the embedded warehouse's
 * tables, so {@code status} and {@code report} read the result.
 */
public final class CloudOnThisMachine implements AutoCloseable {
  /**
   * How long BigQuery takes over a write job, modelled: DML and loads take seconds on BigQuery,
   * whatever their size at this scale; a multi-statement transaction runs several jobs.
   */
  static final BigQueryRules.JobTimes JOB_TIMES =
      new BigQueryRules.JobTimes(
          Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));

  /** How long the push must stay quiet, with every message taken, before the run is over. */
  private static final Duration QUIET = Duration.ofSeconds(2);

  private static final String DEAD_LETTER_SOURCE = "CloudPubSubDeadLetterSourceSubscription";

  private final Map<String, String> env;
  private final PipelineConfig config;
  private final Deployment deployment;
  private final Path logs;
  private final List<AutoCloseable> parts = new ArrayList<>();
  private final Map<SuiteFunction, FunctionPool> pools = new EnumMap<>(SuiteFunction.class);
  private final Map<String, SuiteFunction> deadLetterTopics = new HashMap<>();
  private PubSubEmulator emulator;
  private LoopbackBigQuery bigQuery;
  private EventarcPush push;
  private ChainTap tap;
  private ScheduledExecutorService poller;

  /** How many of each topic's tapped messages are on the CLI's bus already. */
  private final Map<String, Integer> recorded = new HashMap<>();

  /** Stops the processes this run started should the CLI be stopped first (Ctrl-C, a kill). */
  private final Thread stopOnExit = new Thread(this::stopParts, "cloud-local-stop");

  private CloudOnThisMachine(
      Map<String, String> env, PipelineConfig config, Deployment deployment, Path logs) {
    this.env = env;
    this.config = config;
    this.deployment = deployment;
    this.logs = logs;
  }

  /**
   * Starts the emulator, the loopback BigQuery and Eventarc's push, and declares the topics and
   * subscriptions as the deployment does; instances start with the first request that needs them.
   *
   * @param env this process's environment (where the emulator is installed)
   * @param code each function's code: its deploy jar ({@link DeployJars}), as deployed
   * @param logs where each instance's log goes
   * @throws IllegalStateException when the emulator or a deploy jar is missing
   */
  public static CloudOnThisMachine start(
      Map<String, String> env,
      PipelineConfig config,
      Deployment deployment,
      Path invokerJar,
      FunctionCode code,
      Path logs)
      throws IOException, InterruptedException {
    Map<SuiteFunction, String> classpaths = new EnumMap<>(SuiteFunction.class);
    for (SuiteFunction function : SuiteFunction.values()) {
      classpaths.put(function, code.classpath(function));
    }
    if (!Files.isRegularFile(invokerJar)) {
      throw new IllegalStateException(
          "the Functions Framework invoker is not at " + invokerJar + "; run ./pipeline");
    }
    Files.createDirectories(logs);
    CloudOnThisMachine cloud = new CloudOnThisMachine(env, config, deployment, logs);
    Runtime.getRuntime().addShutdownHook(cloud.stopOnExit);
    try {
      cloud.emulator = cloud.keep(PubSubEmulator.start(env));
      cloud.bigQuery = cloud.keep(new LoopbackBigQuery(JOB_TIMES));
      for (SuiteFunction function : SuiteFunction.values()) {
        AtomicInteger instance = new AtomicInteger();
        cloud.pools.put(
            function,
            cloud.keep(
                new FunctionPool(
                    deployment.instances(function),
                    () -> {
                      FunctionProcess process =
                          FunctionProcess.start(
                              invokerJar,
                              classpaths.get(function),
                              function,
                              cloud.functionEnv(function),
                              logs.resolve(
                                  function.functionName()
                                      + "-"
                                      + instance.incrementAndGet()
                                      + ".log"));
                      process.awaitListening();
                      return process;
                    })));
      }
      cloud.push = cloud.keep(new EventarcPush(config.projectId(), cloud.pools));
      cloud.declare();
      cloud.poller = Executors.newSingleThreadScheduledExecutor();
      var unused =
          cloud.poller.scheduleWithFixedDelay(cloud::pollQuietly, 0, 200, TimeUnit.MILLISECONDS);
    } catch (IOException | InterruptedException | RuntimeException e) {
      cloud.close();
      throw e;
    }
    return cloud;
  }

  private <T extends AutoCloseable> T keep(T part) {
    parts.add(part);
    return part;
  }

  /** The topics, the push subscriptions behind each trigger, dead-letter topics, the taps. */
  private void declare() throws IOException, InterruptedException {
    String project = config.projectId();
    tap = new ChainTap(emulator, project);
    for (Topic topic : Topic.values()) {
      emulator.createTopic(project, config.topic(topic));
      tap.tap(config.topic(topic));
    }
    PubSubEmulator.Delivery delivery =
        new PubSubEmulator.Delivery(
            deployment.maxDeliveryAttempts(),
            deployment.minimumBackoff(),
            deployment.maximumBackoff(),
            Duration.ofMinutes(10));
    for (SuiteFunction function : SuiteFunction.values()) {
      String deadLetter = config.topicPrefix() + function.functionName() + "-dead-letter";
      emulator.createTopic(project, deadLetter);
      emulator.createPullSubscription(project, deadLetter, deadLetter);
      tap.tap(deadLetter);
      deadLetterTopics.put(deadLetter, function);
      for (Topic topic : function.triggers()) {
        emulator.createPushSubscription(
            project,
            function.subscription(topic),
            config.topic(topic),
            push.endpoint(function, config.topic(topic)),
            deadLetter,
            delivery);
      }
    }
  }

  /**
   * What a function instance is given, as its deployment would give it: the suite's settings this
   * process has (Terraform sets the same variables on each function), with BigQuery and Pub/Sub
   * pointed at the stand-ins.
   */
  private Map<String, String> functionEnv(SuiteFunction function) {
    Map<String, String> env = new HashMap<>();
    for (String variable : PipelineConfig.VARIABLES) {
      if (this.env.containsKey(variable)) {
        env.put(variable, this.env.get(variable));
      }
    }
    env.remove(PipelineConfig.BLOBS);
    env.put(PipelineConfig.PROJECT_ID, config.projectId());
    env.put(PipelineConfig.TOPIC_PREFIX, config.topicPrefix());
    env.put(PipelineConfig.WAREHOUSE, "bigquery");
    env.put(PipelineConfig.BUS, "pubsub");
    env.put(BigQueryWarehouseFactory.EMULATOR_HOST, bigQuery.host());
    env.put("PUBSUB_EMULATOR_HOST", emulator.host());
    env.put("K_SERVICE", config.topicPrefix() + function.functionName());
    return env;
  }

  /**
   * The CLI's runtime on this cloud: the embedded warehouse, which the loopback BigQuery serves to
   * the functions; requests published to the emulator in the functions' project, and their outcome
   * read once every message has been taken.
   *
   * @param blobs the blob store the options chose, or null for the embedded one
   */
  public LocalRuntime openRuntime(
      Path home, Map<String, String> env, LocalDate today, LogSink logSink, String blobs) {
    Map<String, String> withEmulator = new HashMap<>(env);
    withEmulator.put("PUBSUB_EMULATOR_HOST", emulator.host());
    LocalRuntime local =
        LocalRuntime.openWith(
            home,
            withEmulator,
            today,
            logSink,
            new BackendChoice(null, "pubsub:" + config.projectId(), blobs),
            runtime -> new CloudLocalDelivery(this, runtime));
    bigQuery.answerWith(new WarehouseAnswers(local.runtime().warehouse(), config.catalog()));
    return local;
  }

  private void pollQuietly() {
    try {
      tap.poll();
    } catch (IOException e) {
      // The next poll tries again; the emulator may be stopping.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until every message published on a function's topic was taken by it (acknowledged, or
   * dead-lettered) and the push has been quiet, or {@code deadline} passed.
   *
   * @return whether it settled
   */
  boolean awaitSettled(Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    int stable = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(250);
      stable = settled() ? stable + 1 : 0;
      if (stable >= 3) {
        return true;
      }
    }
    return false;
  }

  private boolean settled() throws InterruptedException {
    try {
      tap.poll();
    } catch (IOException e) {
      return false;
    }
    if (!push.idleFor(QUIET)) {
      return false;
    }
    Map<String, Long> deadLettered = new HashMap<>();
    for (String deadLetter : deadLetterTopics.keySet()) {
      for (PubSubEmulator.Pulled letter : tap.messages(deadLetter)) {
        String source = letter.attributes().getOrDefault(DEAD_LETTER_SOURCE, "");
        for (SuiteFunction function : SuiteFunction.values()) {
          for (Topic topic : function.triggers()) {
            if (function.subscription(topic).equals(source)) {
              deadLettered.merge(config.topic(topic), 1L, Long::sum);
            }
          }
        }
      }
    }
    for (SuiteFunction function : SuiteFunction.values()) {
      for (Topic topic : function.triggers()) {
        String name = config.topic(topic);
        long published = tap.messages(name).size();
        if (push.acked(name) + deadLettered.getOrDefault(name, 0L) < published) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Records on {@code local}'s bus what the functions published since the last call, so the run's
   * report reads their outcomes as it does in process.
   */
  void recordOutcomes(LocalRuntime local) {
    for (Topic topic : Topic.values()) {
      String name = config.topic(topic);
      List<PubSubEmulator.Pulled> messages = tap.messages(name);
      // A tap only grows: what is past this topic's count is new.
      for (PubSubEmulator.Pulled message :
          messages.subList(recorded.getOrDefault(name, 0), messages.size())) {
        local.bus().publish(name, message.data(), message.attributes());
      }
      recorded.put(name, messages.size());
    }
  }

  /** The dead-lettered messages so far, each with the function that gave up on it. */
  List<String> deadLetters() {
    List<String> letters = new ArrayList<>();
    deadLetterTopics.forEach(
        (topic, function) ->
            tap.messages(topic)
                .forEach(
                    letter ->
                        letters.add(
                            function.functionName()
                                + " gave up on message "
                                + letter.messageId()
                                + " "
                                + letter.attributes()
                                + ": "
                                + letter.data())));
    return letters;
  }

  /** What the cloud's rules did: instances, pushes, BigQuery's rules, the adapter's retries. */
  List<String> summary() throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder instances = new StringBuilder();
    pools.forEach(
        (function, pool) -> {
          if (pool.started() > 0) {
            instances
                .append(instances.length() == 0 ? "" : ", ")
                .append(function.functionName())
                .append(' ')
                .append(pool.started());
          }
        });
    EventarcPush.Counts pushes = push.counts();
    lines.add(
        "cloud path: instances started: "
            + (instances.length() == 0 ? "none" : instances)
            + "; pushes: "
            + pushes.deliveries()
            + ", at most "
            + pushes.mostAtOnce()
            + " at once ("
            + pushes.redeliveries()
            + " redelivered, "
            + pushes.refused()
            + " refused for want of a free instance, "
            + pushes.failed()
            + " failed); dead letters: "
            + deadLetters().size());
    lines.add("BigQuery's rules: " + bigQuery.rules().describe());
    lines.add(
        "the adapter ran " + adapterRetries() + " BigQuery jobs again; instance logs: " + logs);
    return lines;
  }

  /** Jobs the functions' adapter ran again, from the retry lines of their logs. */
  private long adapterRetries() throws IOException {
    long retries = 0;
    try (Stream<Path> files = Files.list(logs)) {
      for (Path log : files.toList()) {
        try (Stream<String> lines = Files.lines(log)) {
          retries += lines.filter(line -> line.contains("bigquery_retry")).count();
        }
      }
    }
    return retries;
  }

  BigQueryRules.Counts rules() {
    return bigQuery.rules();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException exiting) {
      // The JVM is exiting: the hook stops everything.
    }
    stopParts();
  }

  private synchronized void stopParts() {
    if (poller != null) {
      poller.shutdownNow();
    }
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        // Each part stops on its own; one that fails to must not keep the others running.
      }
    }
    parts.clear();
  }
}
