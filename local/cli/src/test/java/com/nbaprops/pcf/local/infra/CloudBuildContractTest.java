package com.nbaprops.pcf.local.infra;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.yaml.snakeyaml.Yaml;

/**
 * The builds are split by trust: every branch runs cloudbuild.yaml as pcf-ci, which tests and
 * plans, reads no data and can change nothing; main's deploy, written in the bootstrap, runs as
 * pcf-deployer and applies that plan, and pcf-deployer cannot widen its own rights. How the
 * deploy's steps behave: {@link DeployBuildTest}.
 */
class CloudBuildContractTest {
  private static final Path ROOT = Terraform.repositoryRoot();
  private static Terraform bootstrap;
  private static Terraform suite;

  @BeforeAll
  static void parse() throws Exception {
    bootstrap = Terraform.parse(ROOT.resolve("terraform/bootstrap"));
    suite = Terraform.parse(ROOT.resolve("terraform"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> build() throws IOException {
    return new Yaml()
        .load(Files.readString(ROOT.resolve("cloudbuild.yaml"), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps() throws IOException {
    return (List<Map<String, Object>>) build().get("steps");
  }

  private static String text(Map<String, Object> step) {
    return String.valueOf(step.get("args")) + " " + step.get("entrypoint");
  }

  private static Set<String> strings(JsonElement array) {
    Set<String> values = new TreeSet<>();
    array.getAsJsonArray().forEach(value -> values.add(value.getAsString()));
    return values;
  }

  private static JsonObject grant(String type, String name) {
    JsonObject grant = bootstrap.resources(type).get(name);
    assertWithMessage("%s.%s", type, name).that(grant).isNotNull();
    return grant;
  }

  private static String condition(JsonObject grant) {
    return grant
        .getAsJsonArray("condition")
        .get(0)
        .getAsJsonObject()
        .get("expression")
        .getAsString();
  }

  @Test
  void planAndApplyRunUnderDifferentAccountsAndOnlyMainAppliesAfterAnApproval() {
    JsonObject ci = bootstrap.resources("google_cloudbuild_trigger").get("ci");
    JsonObject deploy = bootstrap.resources("google_cloudbuild_trigger").get("deploy");

    assertThat(ci.get("filename").getAsString()).isEqualTo("cloudbuild.yaml");
    assertThat(ci.get("service_account").getAsString())
        .isEqualTo("${google_service_account.ci.id}");
    assertThat(deploy.get("service_account").getAsString())
        .isEqualTo("${google_service_account.deployer.id}");
    assertThat(deploy.getAsJsonArray("github").toString())
        .contains("\"branch\":\"^${var.deploy_branch}$\"");
    assertThat(bootstrap.resolve(new JsonPrimitive("${var.deploy_branch}")).getAsString())
        .isEqualTo("main");
    assertThat(deploy.getAsJsonArray("approval_config").toString())
        .contains("\"approval_required\":true");
  }

  /**
   * The deploy's steps are the bootstrap's, not a file of the repository: a branch cannot change
   * what runs as pcf-deployer, and the branch it deploys is no substitution a manual run could set.
   */
  @Test
  void theDeployStepsLiveInTheBootstrapWithTheBranchWrittenIn() {
    JsonObject deploy = bootstrap.resources("google_cloudbuild_trigger").get("deploy");

    assertThat(deploy.has("filename")).isFalse();
    assertThat(deploy.has("build")).isTrue();
    assertThat(deploy.has("substitutions")).isFalse();
    assertThat(Files.exists(ROOT.resolve("cloudbuild-deploy.yaml"))).isFalse();
  }

  /**
   * A new project has none of the APIs the bootstrap calls, nor Cloud Resource Manager, which the
   * suite's first plan reads before its own apis.tf runs: the bootstrap enables them and waits.
   */
  @Test
  void theBootstrapAppliesOnAProjectWithNothingEnabled() {
    JsonObject apis = bootstrap.resources("google_project_service").get("bootstrap");

    assertThat(apis.get("for_each").toString())
        .containsMatch(
            "cloudbuild\\.googleapis\\.com.*cloudresourcemanager\\.googleapis\\.com.*iam\\.googleapis\\.com");
    assertThat(bootstrap.resources("time_sleep").get("apis").get("depends_on").toString())
        .contains("google_project_service.bootstrap");
    for (String type :
        List.of(
            "google_service_account",
            "google_cloudbuild_trigger",
            "google_project_iam_custom_role",
            "google_storage_bucket")) {
      bootstrap
          .resources(type)
          .forEach(
              (name, resource) ->
                  assertWithMessage(type + "." + name)
                      .that(String.valueOf(resource.get("depends_on")))
                      .contains("time_sleep.apis"));
    }
  }

  /** A grant to an account created in the same apply waits until IAM knows the account. */
  @Test
  void everyGrantToAnAccountCreatedByTheBootstrapWaitsForIt() {
    List<String> unwaited = new ArrayList<>();
    int grants = 0;
    for (Terraform.Resource resource : bootstrap.allResources()) {
      String grantee =
          String.valueOf(resource.body().get("member")) + resource.body().get("service_account_id");
      if (grantee.contains("google_service_account.")) {
        grants++;
        if (!String.valueOf(resource.body().get("depends_on")).contains("time_sleep.accounts")) {
          unwaited.add(resource.toString());
        }
      }
    }

    assertThat(grants).isAtLeast(12);
    assertThat(unwaited).isEmpty();
  }

  /** Approving a deploy is a role someone holds: a group the bootstrap names, not nobody. */
  @Test
  void deployBuildsAreApprovedByTheGroupTheBootstrapNamesWhichReadsThePlans() {
    JsonObject grant = grant("google_project_iam_member", "approvers");

    assertThat(grant.get("role").getAsString()).isEqualTo("roles/cloudbuild.builds.approver");
    assertThat(grant.get("member").getAsString()).isEqualTo("group:${var.approvers}");
    JsonObject read = grant("google_storage_bucket_iam_member", "approvers_read");
    assertThat(read.get("role").getAsString()).isEqualTo("roles/storage.objectViewer");
    assertThat(read.get("for_each").getAsString()).isEqualTo("${google_storage_bucket.builds}");
  }

  /**
   * pcf-ci reads what a plan refreshes and nothing else: no basic role (roles/viewer implies
   * dataViewer on every dataset), no table's rows, no object but the zips, and no log writing.
   */
  @Test
  void theAccountOfEveryBranchReadsNoDataAndWritesNoLogEntry() throws IOException {
    List<String> projectRoles = new ArrayList<>();
    for (Terraform.Resource resource : bootstrap.allResources()) {
      if (resource.type().equals("google_project_iam_member")
          && resource.body().get("member").getAsString().contains("google_service_account.ci")) {
        projectRoles.add(
            resource.body().get("role").getAsString()
                + (resource.body().has("condition") ? " if " + condition(resource.body()) : ""));
      }
    }
    assertThat(projectRoles).hasSize(2);
    assertThat(projectRoles).contains("${google_project_iam_custom_role.plan_reader.id}");
    String sources =
        projectRoles.stream().filter(r -> r.startsWith("roles/")).findFirst().orElseThrow();
    assertThat(sources).startsWith("roles/storage.objectViewer if ");
    assertThat(sources).contains("local.only_buckets.sources");
    assertThat(bootstrap.local("source_buckets").toString()).contains("pcf-function-sources");
    assertThat(bootstrap.local("source_buckets").toString()).doesNotContain("backups");

    List<String> permissions = new ArrayList<>();
    bootstrap
        .local("plan_reads")
        .getAsJsonObject()
        .entrySet()
        .forEach(e -> e.getValue().getAsJsonArray().forEach(p -> permissions.add(p.getAsString())));
    assertThat(permissions).isNotEmpty();
    for (String permission : permissions) {
      assertWithMessage(permission).that(permission).containsMatch("\\.(get|list|getIamPolicy)$");
      assertWithMessage(permission).that(permission).doesNotContain("getData");
      assertWithMessage(permission).that(permission).doesNotContain("storage.objects");
      assertWithMessage(permission).that(permission).doesNotContain("logEntries");
    }
    Map<String, Object> build = build();
    assertThat(String.valueOf(build.get("options"))).contains("logging=GCS_ONLY");
    assertThat(String.valueOf(build.get("logsBucket"))).isEqualTo("gs://${_LOGS_BUCKET}");
    assertThat(grant("google_storage_bucket_iam_member", "ci_state").get("role").getAsString())
        .isEqualTo("roles/storage.objectViewer");
  }

  /** Every resource and data source of the suite can be refreshed by the plan of every branch. */
  @Test
  void thePlanReaderCoversEveryTypeTheSuiteDeclares() {
    Set<String> covered = bootstrap.local("plan_reads").getAsJsonObject().keySet();

    assertThat(covered).containsAtLeastElementsIn(suite.declaredTypes());
  }

  /**
   * The deployer grants on the project only the roles the suite grants there (an IAM condition on
   * modifiedGrantsByRole); administers no storage but the suite's buckets and no state but its
   * environments'; acts as the suite's accounts only; holds no admin role over IAM, accounts or a
   * service the suite does not use.
   */
  @Test
  void theDeployerCannotMakeItselfOwner() {
    Set<String> roles = strings(bootstrap.local("deployer_roles"));
    for (String role : roles) {
      assertWithMessage(role)
          .that(role)
          .isNoneOf(
              "roles/owner",
              "roles/editor",
              "roles/iam.serviceAccountAdmin",
              "roles/iam.serviceAccountUser",
              "roles/iam.roleAdmin",
              "roles/resourcemanager.projectIamAdmin",
              "roles/storage.admin",
              "roles/artifactregistry.admin",
              "roles/bigquery.admin");
    }

    Set<String> suiteProjectRoles = new TreeSet<>();
    suite
        .resources("google_project_iam_member")
        .values()
        .forEach(
            grant -> {
              String role = grant.get("role").getAsString();
              if (role.equals("${each.value}")) {
                Matcher listed =
                    Pattern.compile("(roles/[A-Za-z.]+)").matcher(grant.get("for_each").toString());
                while (listed.find()) {
                  suiteProjectRoles.add(listed.group(1));
                }
              } else {
                suiteProjectRoles.add(role);
              }
            });
    assertThat(strings(bootstrap.local("suite_project_roles"))).isEqualTo(suiteProjectRoles);
    JsonObject iamAdmin = grant("google_project_iam_member", "deployer_project_iam");
    assertThat(iamAdmin.get("role").getAsString())
        .isEqualTo("roles/resourcemanager.projectIamAdmin");
    assertThat(condition(iamAdmin))
        .contains("api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly([");

    JsonObject storage = grant("google_project_iam_member", "deployer_suite_buckets");
    assertThat(storage.get("role").getAsString()).isEqualTo("roles/storage.admin");
    for (JsonObject bucket : suite.resources("google_storage_bucket").values()) {
      String name =
          bucket.get("name").getAsString().replace("${var.topic_prefix}", "${env.topic_prefix}");
      assertWithMessage("the deployer administers %s", name)
          .that(bootstrap.local("suite_buckets").toString())
          .contains(name.replace("\"", "\\\""));
    }
    assertThat(condition(storage)).isEqualTo("${local.only_buckets.suite}");

    JsonObject state = grant("google_storage_bucket_iam_member", "deployer_state");
    assertThat(state.get("role").getAsString()).isEqualTo("roles/storage.objectUser");
    assertThat(condition(state)).contains("/objects/${env.state_prefix}/");

    JsonObject actAs = grant("google_service_account_iam_member", "deployer_acts_as");
    assertThat(actAs.get("for_each").getAsString()).isEqualTo("${google_service_account.runtime}");
    assertThat(actAs.get("role").getAsString()).isEqualTo("roles/iam.serviceAccountUser");
  }

  /** The variable that names each environment's state folder cannot name the bootstrap's own. */
  @Test
  void noEnvironmentCanKeepItsStateInTheBootstrapsFolder() {
    JsonObject environments =
        bootstrap
            .files()
            .get("main.tf")
            .getAsJsonObject("variable")
            .getAsJsonArray("environments")
            .get(0)
            .getAsJsonObject();

    assertThat(environments.getAsJsonArray("validation").toString())
        .contains("env.state_prefix != \\\"pcf/bootstrap\\\"");
  }

  /**
   * The suite runs as the accounts the bootstrap created and creates none: its functions' accounts,
   * the triggers' and the builds', in every environment.
   */
  @Test
  void theSuiteRunsAsTheAccountsTheBootstrapCreates() {
    Set<String> used = new TreeSet<>(List.of("eventarc", "build"));
    suite
        .local("functions")
        .getAsJsonObject()
        .entrySet()
        .forEach(f -> used.add(f.getValue().getAsJsonObject().get("account").getAsString()));

    assertThat(strings(bootstrap.local("runtime_accounts"))).isEqualTo(used);
    assertThat(suite.resources("google_service_account")).isEmpty();
    assertThat(bootstrap.local("runtime").toString()).contains("pcf-${settings.topic_prefix}");
    assertThat(suite.local("name_prefix").getAsString()).isEqualTo("pcf-${var.topic_prefix}");
  }

  /** Every table a function edits: its rows, never the table (no delete, no update). */
  @Test
  void tableGrantsChangeRowsNeverTheTable() {
    JsonObject editor = suite.resources("google_bigquery_table_iam_member").get("editor");
    JsonObject role = grant("google_project_iam_custom_role", "table_rows");

    assertThat(editor.get("role").getAsString()).isEqualTo("${local.table_rows_role}");
    assertThat(suite.local("table_rows_role").getAsString())
        .isEqualTo("projects/${var.project_id}/roles/" + role.get("role_id").getAsString());
    assertThat(strings(role.get("permissions")))
        .containsExactly(
            "bigquery.tables.get", "bigquery.tables.getData", "bigquery.tables.updateData");
  }

  @Test
  void theBuildOfEveryBranchNeitherAppliesNorLocksTheState() throws IOException {
    for (Map<String, Object> step : steps()) {
      assertWithMessage("step %s", step.get("id")).that(text(step)).doesNotContain("apply");
      assertWithMessage("step %s", step.get("id"))
          .that(text(step))
          .doesNotContain("attach-dead-letter-policies");
      if (text(step).contains(" plan")) {
        assertThat(text(step)).contains("-lock=false");
      }
    }
  }

  /**
   * What the approver reads and the deploy applies is the branch build's plan, kept per commit and
   * build with the zips and the provider lock file it was made with.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theBuildOfEveryBranchKeepsItsPlanZipsAndLockFileAsArtifacts() throws IOException {
    Map<String, Object> objects =
        (Map<String, Object>) ((Map<String, Object>) build().get("artifacts")).get("objects");

    assertThat(objects.get("location"))
        .isEqualTo("gs://${_ARTIFACTS}/${_TF_STATE_PREFIX}/$COMMIT_SHA/$BUILD_ID/");
    assertThat((List<String>) objects.get("paths"))
        .containsExactly(
            "build/tfplan", "build/plan.txt", "build/terraform.lock.hcl", "build/functions/*.zip");
    assertThat(steps().stream().map(CloudBuildContractTest::text).toList().toString())
        .contains("-out=/workspace/build/tfplan");
    assertThat(grant("google_storage_bucket_iam_member", "ci_artifacts").get("role").getAsString())
        .isEqualTo("roles/storage.objectCreator");
  }

  @Test
  void theImagesThatRunCodeAndTerraformArePinnedByDigest() throws IOException {
    List<String> images = new ArrayList<>();
    steps().forEach(step -> images.add(String.valueOf(step.get("name"))));
    images.add(bootstrap.local("terraform_image").getAsString());
    for (String image : images) {
      if (image.startsWith("maven:") || image.startsWith("hashicorp/terraform:")) {
        assertWithMessage(image).that(image).containsMatch("@sha256:[0-9a-f]{64}$");
      }
    }
  }
}
