package com.nbaprops.pcf.local.infra;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Environments side by side in one project: every name a project holds once carries the
 * environment's prefix, the example environments differ in prefix and datasets, and the prefix the
 * variable allows keeps every service account id within the API's 30 characters.
 */
class EnvironmentsContractTest {
  private static final Path TERRAFORM = Terraform.repositoryRoot().resolve("terraform");

  /**
   * Per resource type, the attribute that must be unique in a project (or, for buckets, anywhere).
   */
  private static final Map<String, String> UNIQUE_NAMES =
      Map.of(
          "google_pubsub_topic", "name",
          "google_pubsub_subscription", "name",
          "google_cloudfunctions2_function", "name",
          "google_service_account", "account_id",
          "google_cloud_scheduler_job", "name",
          "google_eventarc_trigger", "name",
          "google_logging_metric", "name",
          "google_storage_bucket", "name",
          "google_monitoring_alert_policy", "display_name");

  private static final Set<String> ENVIRONMENT_PREFIXES =
      Set.of("${var.topic_prefix}", "${local.name_prefix}", "${local.alert_title}");

  private static Terraform terraform;
  private static Terraform environments;

  @BeforeAll
  static void parse() throws Exception {
    terraform = Terraform.parse(TERRAFORM);
    environments = Terraform.parse(TERRAFORM.resolve("environments"));
  }

  @Test
  void everyNameAProjectHoldsOnceCarriesTheEnvironment() {
    List<String> unprefixed = new ArrayList<>();
    for (Terraform.Resource resource : terraform.allResources()) {
      String attribute = UNIQUE_NAMES.get(resource.type());
      if (attribute != null) {
        String name = resource.body().get(attribute).getAsString();
        if (ENVIRONMENT_PREFIXES.stream().noneMatch(name::contains)) {
          unprefixed.add(resource + "." + attribute + " = " + name);
        }
      }
    }
    assertThat(unprefixed).isEmpty();
    assertThat(terraform.local("name_prefix").getAsString()).contains("${var.topic_prefix}");
    assertThat(terraform.resources("google_monitoring_alert_policy").toString())
        .doesNotContain("ends_with(");
  }

  @Test
  void theExampleEnvironmentsShareNoPrefixAndNoDataset() {
    Map<String, JsonObject> files = environments.files();
    assertThat(files.keySet()).containsAtLeast("prod.tfvars", "dev.tfvars");
    for (String variable :
        List.of(
            "topic_prefix", "analytics_dataset", "precompute_dataset", "orchestration_dataset")) {
      Set<String> values = new TreeSet<>();
      files.values().forEach(file -> values.add(file.get(variable).getAsString()));
      assertWithMessage(variable).that(values).hasSize(files.size());
    }
  }

  @Test
  void theLongestPrefixAllowedStillGivesServiceAccountIdsOfAtMost30Characters() {
    JsonObject prefix =
        terraform
            .files()
            .get("variables.tf")
            .getAsJsonObject("variable")
            .getAsJsonArray("topic_prefix")
            .get(0)
            .getAsJsonObject();
    Matcher bound =
        Pattern.compile("\\{0,(\\d+)}").matcher(prefix.getAsJsonArray("validation").toString());
    assertThat(bound.find()).isTrue();
    int longestPrefix = Integer.parseInt(bound.group(1)) + 2; // a first letter and the final '-'

    List<String> suffixes = new ArrayList<>();
    terraform
        .local("functions")
        .getAsJsonObject()
        .entrySet()
        .forEach(f -> suffixes.add(f.getValue().getAsJsonObject().get("account").getAsString()));
    // The accounts the suite runs as but the bootstrap creates: data sources here.
    for (JsonObject file : terraform.files().values()) {
      if (file.has("data") && file.getAsJsonObject("data").has("google_service_account")) {
        for (var account :
            file.getAsJsonObject("data").getAsJsonObject("google_service_account").entrySet()) {
          String id =
              account
                  .getValue()
                  .getAsJsonArray()
                  .get(0)
                  .getAsJsonObject()
                  .get("account_id")
                  .getAsString();
          if (!id.contains("each.value")) {
            suffixes.add(id.substring(id.lastIndexOf('}') + 1));
          }
        }
      }
    }
    assertThat(suffixes).containsAtLeast("eventarc", "build");
    String namePrefix =
        terraform.local("name_prefix").getAsString().replace("${var.topic_prefix}", "");
    for (String suffix : suffixes) {
      assertWithMessage("pcf account id ending in %s", suffix)
          .that(namePrefix.length() + longestPrefix + suffix.length())
          .isAtMost(30);
    }
  }
}
