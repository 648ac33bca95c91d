package com.nbaprops.pcf.local.infra;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.nbaprops.pcf.adapter.bigquery.BigQuerySchemas;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.cloud.Deployment;
import com.nbaprops.pcf.local.rehearsal.ScheduledJob;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.message.CleanupRequest;
import com.nbaprops.pcf.message.FreshnessRequest;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.message.RequestParser;
import com.nbaprops.pcf.message.SweepRequest;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * terraform/ and the code must agree: entry points, topics published and subscribed, environment
 * variables, the tables written (with their schemas and layout); and no function may hold a basic
 * role or be publicly invokable. Regenerate terraform/schemas after a table change with {@code mvn
 * -pl local/cli -am test -Dtest=TerraformContractTest -Dpcf.schemas.write=true}.
 */
class TerraformContractTest {
  private static final Path TERRAFORM = Terraform.repositoryRoot().resolve("terraform");
  private static final Set<String> BASIC_ROLES =
      Set.of("roles/owner", "roles/editor", "roles/viewer");
  private static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");
  private static Terraform terraform;

  @BeforeAll
  static void parse() throws Exception {
    terraform = Terraform.parse(TERRAFORM);
  }

  private static JsonObject functions() {
    return terraform.local("functions").getAsJsonObject();
  }

  private static Set<String> strings(JsonElement array) {
    Set<String> values = new TreeSet<>();
    array.getAsJsonArray().forEach(value -> values.add(value.getAsString()));
    return values;
  }

  private static Set<String> baseNames(List<Topic> topics) {
    return topics.stream().map(Topic::baseName).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyTopicOfTheCodeIsDeclaredAndNoOther() {
    assertThat(strings(terraform.local("topics")))
        .isEqualTo(baseNames(Arrays.asList(Topic.values())));
  }

  @Test
  void eachFunctionHasItsEntryPointTriggersAndPublications() {
    Map<String, String> code = new TreeMap<>();
    Map<String, String> infra = new TreeMap<>();
    for (SuiteFunction function : SuiteFunction.values()) {
      code.put(
          function.functionName(),
          function.entryPoint()
              + " on "
              + baseNames(function.triggers())
              + " to "
              + baseNames(function.publishes()));
    }
    functions()
        .entrySet()
        .forEach(
            entry -> {
              JsonObject f = entry.getValue().getAsJsonObject();
              infra.put(
                  entry.getKey(),
                  f.get("entry_point").getAsString()
                      + " on "
                      + strings(f.get("triggers"))
                      + " to "
                      + strings(f.get("publishes")));
            });

    assertThat(infra).isEqualTo(code);
  }

  /** java17 is deprecated on Cloud Run functions in October 2027; java21 and java25 until 2031. */
  @Test
  void theFunctionsRunOnARuntimeSupportedUntil2031() {
    JsonObject function = terraform.resources("google_cloudfunctions2_function").get("function");
    JsonObject build = function.getAsJsonArray("build_config").get(0).getAsJsonObject();

    assertThat(build.get("runtime").getAsString()).isAnyOf("java21", "java25");
  }

  /**
   * The cloud path on this machine runs the functions as deployed: at these counts, these retries.
   */
  @Test
  void theLocalCloudPathIsShapedAsTerraformDeploys() {
    Deployment local = Deployment.terraform();
    JsonObject functions =
        terraform.resolve(new JsonPrimitive("${var.functions}")).getAsJsonObject();

    for (SuiteFunction function : SuiteFunction.values()) {
      assertWithMessage(function.functionName())
          .that(
              functions
                  .getAsJsonObject(function.functionName())
                  .get("max_instance_count")
                  .getAsInt())
          .isEqualTo(local.instances(function));
    }
    assertThat(terraform.resolve(new JsonPrimitive("${var.max_delivery_attempts}")).getAsInt())
        .isEqualTo(local.maxDeliveryAttempts());
  }

  @Test
  void theFunctionsAreBuiltFromTheDeclaredEntryPointsAndEnvironment() {
    JsonObject function = terraform.resources("google_cloudfunctions2_function").get("function");
    JsonObject build = function.getAsJsonArray("build_config").get(0).getAsJsonObject();
    JsonObject service = function.getAsJsonArray("service_config").get(0).getAsJsonObject();

    assertThat(function.get("for_each").getAsString()).isEqualTo("${local.functions}");
    assertThat(build.get("entry_point").getAsString()).isEqualTo("${each.value.entry_point}");
    assertThat(service.get("environment_variables").getAsString())
        .isEqualTo("${local.function_environment}");
    assertThat(service.get("min_instance_count").getAsInt()).isEqualTo(0);
    assertThat(service.get("max_instance_count").getAsString()).contains("max_instance_count");
  }

  @Test
  void theFunctionsAreBuiltByTheirOwnLeastPrivilegeAccount() {
    JsonObject build =
        terraform
            .resources("google_cloudfunctions2_function")
            .get("function")
            .getAsJsonArray("build_config")
            .get(0)
            .getAsJsonObject();
    JsonObject roles = terraform.resources("google_project_iam_member").get("build");

    assertThat(build.get("service_account").getAsString())
        .isEqualTo("${data.google_service_account.build.id}");
    assertThat(roles.get("for_each").getAsString())
        .isEqualTo("${toset([\"roles/logging.logWriter\", \"roles/artifactregistry.writer\"])}");
    assertThat(
            terraform
                .resources("google_storage_bucket_iam_member")
                .get("build_sources")
                .get("role")
                .getAsString())
        .isEqualTo("roles/storage.objectViewer");
  }

  @Test
  void aPlanFromAnotherFolderDoesNotReplaceTheSourceObjects() {
    JsonObject object = terraform.resources("google_storage_bucket_object").get("function_source");

    // The name is the content's hash (filemd5 reads the folder, but only its bytes count).
    assertThat(object.get("name").getAsString()).contains("filemd5(");
    assertThat(
            object
                .getAsJsonArray("lifecycle")
                .get(0)
                .getAsJsonObject()
                .get("ignore_changes")
                .toString())
        .contains("source");
  }

  /**
   * A grant to a service agent created in the same apply waits for it to be visible: IAM answers
   * "does not exist" for a minute or two, and the provider retries only quota errors. (The accounts
   * the suite runs as exist before it: the bootstrap creates them.)
   */
  @Test
  void everyGrantToAServiceAgentCreatedHereWaitsForIt() {
    List<String> unwaited = new ArrayList<>();
    int grants = 0;
    for (Terraform.Resource resource : terraform.allResources()) {
      String grantee =
          String.valueOf(resource.body().get("member"))
              + resource.body().get("user_by_email")
              + resource.body().get("members");
      if (grantee.contains("service_agent") || grantee.contains("service_identity")) {
        grants++;
        if (!String.valueOf(resource.body().get("depends_on"))
            .contains("time_sleep.service_agents")) {
          unwaited.add(resource.toString());
        }
      }
    }

    assertThat(grants).isAtLeast(3);
    assertThat(unwaited).isEmpty();
  }

  /**
   * The on-call's dashboard shows what each date became (the metric the metadata's date line feeds,
   * by its status label), function errors, dead letters and the daily jobs' runs, by the names this
   * configuration gives them.
   */
  @Test
  void theDashboardShowsDatesErrorsDeadLettersAndTheDailyJobs() {
    String charts = terraform.local("dashboard_charts").toString();
    String logs = terraform.local("dashboard_logs").toString();
    JsonObject metric = terraform.resources("google_logging_metric").get("date_status");

    assertThat(charts).contains("${google_logging_metric.date_status.name}");
    assertThat(charts).contains("metric.label.status");
    assertThat(metric.get("label_extractors").toString()).contains("EXTRACT(labels.status)");
    assertThat(charts).contains("run.googleapis.com/request_count");
    assertThat(charts).contains("${local.dead_letter_topic_ids}");
    assertThat(logs).contains("cloud_scheduler_job");
    assertThat(terraform.local("scheduler_jobs").getAsString())
        .contains("${var.topic_prefix}pcf-${name}");
    assertThat(
            terraform
                .resources("google_cloud_scheduler_job")
                .get("daily")
                .get("name")
                .getAsString())
        .isEqualTo("${var.topic_prefix}pcf-${each.key}");
    assertThat(terraform.resources("google_monitoring_dashboard").get("on_call").toString())
        .contains("local.dashboard_charts");
  }

  /**
   * The precompute dataset exists before the suite (the upstream's tables live in it): the first
   * plan adopts it, where the approver sees it, instead of failing with "already exists".
   */
  @Test
  void thePrecomputeDatasetIsAdoptedByThePlanNotCreated() {
    List<JsonObject> imports = new ArrayList<>();
    terraform
        .files()
        .values()
        .forEach(
            file -> {
              if (file.has("import")) {
                file.getAsJsonArray("import").forEach(i -> imports.add(i.getAsJsonObject()));
              }
            });

    assertThat(imports).hasSize(1);
    assertThat(imports.get(0).get("to").getAsString())
        .isEqualTo("${google_bigquery_dataset.owned[\"precompute\"]}");
    assertThat(terraform.resolve(imports.get(0).get("id")).getAsString())
        .isEqualTo("projects/example-value/datasets/nba_precompute");
  }

  @Test
  void theLogAlertPoliciesWaitForTheirMetricsToPropagate() {
    JsonObject policy = terraform.resources("google_monitoring_alert_policy").get("logged");
    JsonObject wait = terraform.resources("time_sleep").get("log_metrics");

    assertThat(policy.get("depends_on").toString()).contains("time_sleep.log_metrics");
    assertThat(wait.get("depends_on").toString()).contains("google_logging_metric.alert");
  }

  @Test
  void theBuildAccountCanReadTheBucketCloudFunctionsStagesSourcesIn() {
    JsonObject grant =
        terraform.resources("google_project_iam_member").get("build_function_sources");

    assertThat(grant.get("role").getAsString()).isEqualTo("roles/storage.objectViewer");
    assertThat(grant.get("member").getAsString())
        .isEqualTo("${data.google_service_account.build.member}");
    assertThat(grant.getAsJsonArray("condition").toString())
        .contains("projects/_/buckets/${local.function_sources_bucket}");
    assertThat(terraform.local("function_sources_bucket").getAsString())
        .isEqualTo("gcf-v2-sources-${data.google_project.this.number}-${var.region}");
  }

  @Test
  void serviceAgentsAreCreatedBeforeTheyAreGrantedAnything() {
    JsonObject agents = terraform.resources("google_project_service_identity").get("agent");

    assertThat(agents.get("for_each").getAsString())
        .isEqualTo(
            "${toset([\"pubsub.googleapis.com\", \"eventarc.googleapis.com\","
                + " \"cloudscheduler.googleapis.com\"])}");
    // No agent is named by hand: every grant to one goes through the identity that creates it.
    List<String> byHand = new ArrayList<>();
    for (Terraform.Resource resource : terraform.allResources()) {
      if (resource.body().toString().contains("gcp-sa-")) {
        byHand.add(resource.toString());
      }
    }
    assertThat(terraform.local("pubsub_service_agent").getAsString())
        .contains("google_project_service_identity.agent");
    assertThat(byHand).isEmpty();
  }

  @Test
  void everythingThatNeedsAGrantWaitsForTheGrantsToPropagate() {
    JsonObject wait = terraform.resources("time_sleep").get("iam_propagation");
    // The invoker grants follow their functions; the triggers added to a function wait for them.
    String waitsFor =
        wait.get("depends_on").toString()
            + terraform.resources("time_sleep").get("invoker_propagation").get("depends_on");
    assertThat(
            terraform
                .resources("google_eventarc_trigger")
                .get("extra")
                .get("depends_on")
                .toString())
        .contains("time_sleep.invoker_propagation");
    List<String> notAwaited = new ArrayList<>();
    for (Terraform.Resource resource : terraform.allResources()) {
      if (resource.type().endsWith("_iam_member") && !waitsFor.contains(resource.toString())) {
        notAwaited.add(resource.toString());
      }
    }
    assertThat(notAwaited).isEmpty();
    assertThat(waitsFor).contains("time_sleep.service_agents");
    for (String type :
        List.of(
            "google_cloudfunctions2_function",
            "google_eventarc_trigger",
            "google_cloud_scheduler_job")) {
      for (JsonObject body : terraform.resources(type).values()) {
        assertWithMessage(type)
            .that(body.get("depends_on").toString())
            .contains("time_sleep.iam_propagation");
      }
    }
  }

  @Test
  void theApisANewProjectLacksAreEnabled() {
    String apis =
        terraform.resources("google_project_service").get("required").get("for_each").getAsString();
    assertThat(apis).contains("\"iam.googleapis.com\"");
    assertThat(apis).contains("\"cloudresourcemanager.googleapis.com\"");
  }

  @Test
  void noDatasetLevelIamTouchesAnyDataset() {
    // google_bigquery_dataset_iam_* rewrite a dataset's access and drop its authorized views.
    List<String> datasetIam = new ArrayList<>();
    for (Terraform.Resource resource : terraform.allResources()) {
      if (resource.type().startsWith("google_bigquery_dataset_iam")) {
        datasetIam.add(resource.toString());
      }
    }
    assertThat(datasetIam).isEmpty();
  }

  @Test
  void noAccountMayReplaceOrDeleteObjects() {
    List<String> admins = new ArrayList<>();
    for (Terraform.Resource resource : terraform.allResources()) {
      if (resource.body().toString().contains("objectAdmin")
          || resource.body().toString().contains("roles/storage.admin")) {
        admins.add(resource.toString());
      }
    }
    assertThat(admins).isEmpty();
  }

  @Test
  void eachFunctionIsGrantedTablesOfTheirOwnDatasetOnly() {
    JsonObject declared = terraform.local("table_datasets").getAsJsonObject();
    Map<String, String> code = new TreeMap<>();
    for (TableDefinition table : Tables.ALL) {
      code.put(table.name(), table.dataset().name().toLowerCase(Locale.ROOT));
    }
    List<String> problems = new ArrayList<>();
    declared
        .entrySet()
        .forEach(
            entry -> {
              if (!entry.getValue().getAsString().equals(code.get(entry.getKey()))) {
                problems.add(entry.getKey() + " is in " + code.get(entry.getKey()));
              }
            });
    functions()
        .entrySet()
        .forEach(
            function -> {
              JsonObject body = function.getValue().getAsJsonObject();
              for (String key : List.of("reads_tables", "edits_tables")) {
                for (String table : strings(body.get(key))) {
                  if (!declared.has(table)) {
                    problems.add(function.getKey() + " " + key + " names " + table);
                  }
                }
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void eventarcIsGivenTheServiceNameNotItsPath() {
    for (var trigger : terraform.resources("google_eventarc_trigger").entrySet()) {
      String service =
          trigger
              .getValue()
              .getAsJsonArray("destination")
              .get(0)
              .getAsJsonObject()
              .getAsJsonArray("cloud_run_service")
              .get(0)
              .getAsJsonObject()
              .get("service")
              .getAsString();
      assertWithMessage(trigger.getKey()).that(service).startsWith("${local.service_names[");
    }
    // service_config[0].service is projects/P/locations/R/services/NAME; the last segment is the
    // name.
    String names = terraform.local("service_names").getAsString();
    assertThat(names).contains("reverse(split(\"/\", function.service_config[0].service))[0]");
  }

  @Test
  void everyVariableTheCodeReadsIsSetAndNoOther() {
    Set<String> set =
        new TreeSet<>(terraform.local("function_environment").getAsJsonObject().keySet());

    assertThat(set).isEqualTo(new TreeSet<>(PipelineConfig.VARIABLES));
  }

  @Test
  void everyTableTheCodeWritesIsDeclaredWithItsLayoutAndNoOther() {
    JsonObject tables = terraform.local("tables").getAsJsonObject();
    Map<String, String> code = new TreeMap<>();
    Map<String, String> infra = new TreeMap<>();
    for (TableDefinition table : Tables.OWNED) {
      code.put(
          table.name(),
          table.dataset().name().toLowerCase(Locale.ROOT)
              + " "
              + table.partitionColumn()
              + " "
              + table.requirePartitionFilter()
              + " "
              + table.clustering());
    }
    tables
        .entrySet()
        .forEach(
            entry -> {
              JsonObject t = entry.getValue().getAsJsonObject();
              infra.put(
                  entry.getKey(),
                  t.get("dataset").getAsString()
                      + " "
                      + t.get("partition_field").getAsString()
                      + " "
                      + t.get("require_partition_filter").getAsBoolean()
                      + " "
                      + new ArrayList<>(listOf(t.get("clustering"))));
            });

    assertThat(infra).isEqualTo(code);
  }

  private static List<String> listOf(JsonElement array) {
    List<String> values = new ArrayList<>();
    array.getAsJsonArray().forEach(value -> values.add(value.getAsString()));
    return values;
  }

  @Test
  void eachTableSchemaFileIsTheSharedDefinition() throws Exception {
    boolean write = Boolean.getBoolean("pcf.schemas.write");
    for (TableDefinition table : Tables.OWNED) {
      Path file = TERRAFORM.resolve("schemas").resolve(table.name() + ".json");
      String expected = BigQuerySchemas.json(table);
      if (write) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, expected, StandardCharsets.UTF_8);
      }
      assertWithMessage(
              file + " differs from Tables." + table.name() + "; regenerate it (see this class)")
          .that(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)")
          .isEqualTo(expected);
    }
  }

  @Test
  void theCleanupEditsTheUpcomingTablesOfTheCodeAndNoOtherUpstreamTable() {
    Set<String> upstreamEdits =
        strings(functions().getAsJsonObject("upcoming-tables-cleanup").get("edits_tables"));
    upstreamEdits.removeIf(
        table -> Tables.OWNED.stream().anyMatch(owned -> owned.name().equals(table)));
    assertThat(upstreamEdits)
        .isEqualTo(
            Tables.UPCOMING.stream()
                .map(TableDefinition::name)
                .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void onlyAnAutoHealingSweepMayRequestReprocessing() {
    assertThat(terraform.local("publications").toString())
        .contains("name != \\\"metadata-tracking\\\" || var.auto_heal");
  }

  @Test
  void noServiceAccountIsGrantedABasicRole() {
    List<String> grants = new ArrayList<>();
    for (Terraform.Resource resource : terraform.allResources()) {
      JsonObject body = resource.body();
      if (resource.type().contains("_iam_")
          && body.has("role")
          && BASIC_ROLES.contains(body.get("role").getAsString())) {
        grants.add(resource + " grants " + body.get("role").getAsString());
      }
    }
    assertThat(grants).isEmpty();
  }

  @Test
  void nothingIsPubliclyInvokableOrReachable() {
    List<String> problems = new ArrayList<>();
    Pattern publicMember = Pattern.compile("\\b(" + String.join("|", PUBLIC_MEMBERS) + ")\\b");
    for (Terraform.Resource resource : terraform.allResources()) {
      for (String key : List.of("member", "members")) {
        if (resource.body().has(key)
            && publicMember.matcher(resource.body().get(key).toString()).find()) {
          problems.add(resource + " grants to " + resource.body().get(key));
        }
      }
    }
    JsonObject service =
        terraform
            .resources("google_cloudfunctions2_function")
            .get("function")
            .getAsJsonArray("service_config")
            .get(0)
            .getAsJsonObject();
    if (!"ALLOW_INTERNAL_ONLY".equals(service.get("ingress_settings").getAsString())) {
      problems.add("ingress_settings is " + service.get("ingress_settings"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theFunctionsEnvironmentIsAValidConfigurationOfTheCloudBackends() {
    Map<String, String> env = new TreeMap<>();
    terraform
        .resolve(terraform.local("function_environment"))
        .getAsJsonObject()
        .entrySet()
        .forEach(entry -> env.put(entry.getKey(), entry.getValue().getAsString()));

    PipelineConfig config = PipelineConfig.fromEnvironment(env, ".");

    assertThat(config.warehouse()).startsWith("bigquery:");
    assertThat(config.bus()).startsWith("pubsub:");
    assertThat(config.blobs()).startsWith("gcs:");
    assertThat(config.cleanupTtlDays()).isEqualTo(7);
  }

  @Test
  void eachScheduledMessageIsAcceptedByTheFunctionItTriggers() {
    JsonObject scheduled = terraform.local("scheduled").getAsJsonObject();
    LocalDate today = LocalDate.of(2023, 3, 10);
    List<String> accepted = new ArrayList<>();
    for (var job : scheduled.entrySet()) {
      JsonObject body = job.getValue().getAsJsonObject();
      String topic = body.get("topic").getAsString();
      String message = terraform.resolve(body.get("message")).toString();
      if (topic.equals(Topic.UPCOMING_TABLES_CLEANUP_TRIGGER.baseName())) {
        CleanupRequest.parse(message, () -> "r");
      } else if (topic.equals(Topic.COMPOSITE_FACTORS_REQUESTS.baseName())) {
        new RequestParser(today, 400, () -> "r").parse(message);
      } else if (topic.equals(Topic.METADATA_TRACKING_TRIGGER.baseName())) {
        JsonFields fields = JsonFields.parse(message);
        if (FreshnessRequest.isMeant(fields)) {
          FreshnessRequest.from(fields, () -> "r");
        } else {
          SweepRequest.parse(message, today, 400, () -> "r");
        }
      } else {
        throw new AssertionError(
            job.getKey() + " publishes to " + topic + ", which no scheduled work starts from");
      }
      accepted.add(topic);
    }

    assertThat(new java.util.TreeSet<>(accepted))
        .containsExactly(
            Topic.UPCOMING_TABLES_CLEANUP_TRIGGER.baseName(),
            Topic.COMPOSITE_FACTORS_REQUESTS.baseName(),
            Topic.METADATA_TRACKING_TRIGGER.baseName());
  }

  @Test
  void theRehearsalRunsTheScheduleTerraformDeclares() {
    JsonObject scheduled = terraform.local("scheduled").getAsJsonObject();

    assertThat(scheduled.keySet())
        .containsExactlyElementsIn(
            Arrays.stream(ScheduledJob.values()).map(ScheduledJob::terraformKey).toList());
    for (ScheduledJob job : ScheduledJob.values()) {
      JsonObject body = scheduled.getAsJsonObject(job.terraformKey());
      assertThat(terraform.resolve(body.get("schedule")).getAsString()).isEqualTo(job.cron());
      assertThat(body.get("topic").getAsString()).isEqualTo(job.topic().baseName());
      assertThat(terraform.resolve(body.get("message")))
          .isEqualTo(JsonParser.parseString(job.message()));
    }
    assertThat(terraform.resolve(new JsonPrimitive("${var.schedule_time_zone}")).getAsString())
        .isEqualTo(ScheduledJob.TIME_ZONE.getId());
  }

  @Test
  void eachConsumingFunctionHasADeadLetterTopicAndSubscription() {
    assertThat(
            terraform
                .resources("google_pubsub_topic")
                .get("dead_letter")
                .get("for_each")
                .getAsString())
        .isEqualTo("${local.functions}");
    assertThat(
            terraform
                .resources("google_pubsub_subscription")
                .get("dead_letter")
                .get("for_each")
                .getAsString())
        .isEqualTo("${local.functions}");
  }

  /**
   * Deployed without an event trigger, a function would run as an HTTP function, and the Functions
   * Framework refuses a CloudEventsFunction there; its first topic is its event trigger, any
   * further one an Eventarc trigger.
   */
  @Test
  void eachFunctionRunsAsAnEventFunctionOnItsFirstTopicAndIsTriggeredByTheRest() {
    JsonObject trigger =
        terraform
            .resources("google_cloudfunctions2_function")
            .get("function")
            .getAsJsonArray("event_trigger")
            .get(0)
            .getAsJsonObject();

    assertThat(trigger.get("event_type").getAsString())
        .isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
    assertThat(trigger.get("pubsub_topic").getAsString())
        .isEqualTo("${google_pubsub_topic.chain[each.value.triggers[0]].id}");
    assertThat(trigger.get("retry_policy").getAsString()).isEqualTo("RETRY_POLICY_RETRY");
    assertThat(
            terraform
                .resources("google_eventarc_trigger")
                .get("extra")
                .get("for_each")
                .getAsString())
        .isEqualTo("${local.extra_triggers}");
  }
}
