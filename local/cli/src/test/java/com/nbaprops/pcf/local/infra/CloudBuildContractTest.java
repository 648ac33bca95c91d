package com.nbaprops.pcf.local.infra;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The builds are split by trust: every branch runs cloudbuild.yaml, which tests and plans and can
 * change nothing; only main runs cloudbuild-deploy.yaml, which applies.
 */
class CloudBuildContractTest {
  private static final Path ROOT = Terraform.repositoryRoot();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(String file) throws IOException {
    Map<String, Object> build =
        new Yaml().load(Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8));
    return (List<Map<String, Object>>) build.get("steps");
  }

  private static String text(Map<String, Object> step) {
    return String.valueOf(step.get("args")) + " " + step.get("entrypoint");
  }

  @Test
  void planAndApplyRunUnderDifferentAccountsAndOnlyMainAppliesAfterAnApproval() throws Exception {
    Terraform bootstrap = Terraform.parse(ROOT.resolve("terraform/bootstrap"));
    JsonObject ci = bootstrap.resources("google_cloudbuild_trigger").get("ci");
    JsonObject deploy = bootstrap.resources("google_cloudbuild_trigger").get("deploy");

    assertThat(ci.get("filename").getAsString()).isEqualTo("cloudbuild.yaml");
    assertThat(ci.get("service_account").getAsString())
        .isEqualTo("${google_service_account.ci.id}");
    assertThat(deploy.get("filename").getAsString()).isEqualTo("cloudbuild-deploy.yaml");
    assertThat(deploy.get("service_account").getAsString())
        .isEqualTo("${google_service_account.deployer.id}");
    assertThat(deploy.getAsJsonArray("github").toString()).contains("\"branch\":\"^main$\"");
    assertThat(deploy.getAsJsonArray("approval_config").toString())
        .contains("\"approval_required\":true");
  }

  /**
   * A new project has none of the APIs the bootstrap calls, nor Cloud Resource Manager, which the
   * suite's first plan reads before its own apis.tf runs: the bootstrap enables them and waits.
   */
  @Test
  void theBootstrapAppliesOnAProjectWithNothingEnabled() throws Exception {
    Terraform bootstrap = Terraform.parse(ROOT.resolve("terraform/bootstrap"));
    JsonObject apis = bootstrap.resources("google_project_service").get("bootstrap");

    assertThat(apis.get("for_each").toString())
        .containsMatch(
            "cloudbuild\\.googleapis\\.com.*cloudresourcemanager\\.googleapis\\.com.*iam\\.googleapis\\.com");
    assertThat(bootstrap.resources("time_sleep").get("apis").get("depends_on").toString())
        .contains("google_project_service.bootstrap");
    for (String type : List.of("google_service_account", "google_cloudbuild_trigger")) {
      bootstrap
          .resources(type)
          .forEach(
              (name, resource) ->
                  assertWithMessage(type + "." + name)
                      .that(String.valueOf(resource.get("depends_on")))
                      .contains("time_sleep.apis"));
    }
  }

  /** Approving a deploy is a role someone holds: a group the bootstrap names, not nobody. */
  @Test
  void deployBuildsAreApprovedByTheGroupTheBootstrapNames() throws Exception {
    Terraform bootstrap = Terraform.parse(ROOT.resolve("terraform/bootstrap"));
    JsonObject grant = bootstrap.resources("google_project_iam_member").get("approvers");

    assertThat(grant.get("role").getAsString()).isEqualTo("roles/cloudbuild.builds.approver");
    assertThat(grant.get("member").getAsString()).isEqualTo("group:${var.approvers}");
  }

  @Test
  void theAccountOfEveryBranchCanChangeNothing() throws Exception {
    Terraform bootstrap = Terraform.parse(ROOT.resolve("terraform/bootstrap"));
    List<String> roles = new java.util.ArrayList<>();
    bootstrap.local("ci_roles").getAsJsonArray().forEach(role -> roles.add(role.getAsString()));

    assertThat(roles)
        .containsExactly("roles/viewer", "roles/iam.securityReviewer", "roles/logging.logWriter");
    assertThat(
            bootstrap
                .resources("google_storage_bucket_iam_member")
                .get("ci_state")
                .get("role")
                .getAsString())
        .isEqualTo("roles/storage.objectViewer");
  }

  @Test
  void theBuildOfEveryBranchNeitherAppliesNorLocksTheState() throws IOException {
    for (Map<String, Object> step : steps("cloudbuild.yaml")) {
      assertWithMessage("step %s", step.get("id")).that(text(step)).doesNotContain("apply");
      assertWithMessage("step %s", step.get("id"))
          .that(text(step))
          .doesNotContain("attach-dead-letter-policies");
      if (text(step).contains("plan")) {
        assertThat(text(step)).contains("-lock=false");
      }
    }
  }

  @Test
  void theDeployBuildRefusesAnyBranchButMainBeforeAnythingElse() throws IOException {
    List<Map<String, Object>> steps = steps("cloudbuild-deploy.yaml");

    assertThat(text(steps.get(0))).contains("\"$BRANCH_NAME\" != \"${_DEPLOY_BRANCH}\"");
    assertThat(text(steps.get(0))).contains("exit 1");
    assertThat(steps.stream().map(CloudBuildContractTest::text).toList().toString())
        .contains("terraform apply");
  }

  @Test
  void theDeployBuildChecksEveryDeadLetterPolicyAfterApplying() throws IOException {
    String last =
        text(steps("cloudbuild-deploy.yaml").get(steps("cloudbuild-deploy.yaml").size() - 1));

    assertThat(last).contains("scripts/attach-dead-letter-policies.sh");
    assertThat(last).contains("scripts/check-dead-letter-policies.sh");
  }

  @Test
  void theImagesThatRunCodeAndTerraformArePinnedByDigest() throws IOException {
    for (String file : List.of("cloudbuild.yaml", "cloudbuild-deploy.yaml")) {
      for (Map<String, Object> step : steps(file)) {
        String image = String.valueOf(step.get("name"));
        if (image.startsWith("maven:") || image.startsWith("hashicorp/terraform:")) {
          assertWithMessage("%s step %s", file, step.get("id"))
              .that(image)
              .containsMatch("@sha256:[0-9a-f]{64}$");
        }
      }
    }
  }
}
