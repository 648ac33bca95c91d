package com.nbaprops.pcf.local.infra;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * main's deploy build, run: the steps the bootstrap writes into the deploy trigger, rendered as
 * Cloud Build renders them (its substitutions, {@code $$} for the shell's {@code $}), run by bash
 * with {@code gcloud} and {@code terraform} standing in for the real ones. What it must do: refuse
 * any other branch, find the successful plan build of the same commit, and apply exactly its plan
 * with its provider lock file; never test, install or plan anew.
 */
class DeployBuildTest {
  private static final String COMMIT = "0123abcd";
  private static final String PLAN_BUILD = "b-42";

  /** The bootstrap's interpolations, as its apply would fill them for the prod environment. */
  private static final Map<String, String> APPLIED =
      Map.of(
          "var.deploy_branch", "main",
          "var.region", "us-east1",
          "var.state_bucket", "state-bucket",
          "each.value.state_prefix", "pcf/prod",
          "google_cloudbuild_trigger.ci[each.key].trigger_id", "ci-trigger",
          "google_storage_bucket.builds[\"artifacts\"].name", "artifacts-bucket");

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
  private static List<JsonObject> steps;

  @TempDir Path workspace;
  @TempDir Path fake;

  @BeforeAll
  static void parse() throws Exception {
    Terraform bootstrap =
        Terraform.parse(Terraform.repositoryRoot().resolve("terraform/bootstrap"));
    JsonObject deploy = bootstrap.resources("google_cloudbuild_trigger").get("deploy");
    steps = new ArrayList<>();
    for (JsonElement step :
        deploy.getAsJsonArray("build").get(0).getAsJsonObject().getAsJsonArray("step")) {
      steps.add(step.getAsJsonObject());
    }
  }

  @BeforeEach
  void tools() throws IOException {
    Files.createDirectories(fake.resolve("bin"));
    Files.createDirectories(workspace.resolve("terraform"));
    Files.createDirectories(workspace.resolve("scripts"));
    executable(
        fake.resolve("bin/gcloud"),
        """
        echo "$*" >> "$FAKE/gcloud.log"
        if [ "$1 $2" = "builds list" ]; then cat "$FAKE/successful-builds" 2>/dev/null || true; fi
        if [ "$1 $2" = "storage cp" ]; then
          folder="${3#gs://}"; cp "$FAKE/buckets/${folder%/\\*}"/* "$4"
        fi
        """);
    executable(
        fake.resolve("bin/terraform"),
        """
        echo "$*" >> "$FAKE/terraform.log"
        if [ "$1" = "output" ]; then echo '{}'; fi
        """);
    for (String script :
        List.of("attach-dead-letter-policies.sh", "check-dead-letter-policies.sh")) {
      executable(workspace.resolve("scripts/" + script), "echo \"$0 $*\" >> \"$FAKE/scripts.log\"");
    }
  }

  private static void executable(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/bash\nset -eu\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A successful test-and-plan build of the commit, with the artifacts it left. */
  private void planned() throws IOException {
    Files.writeString(fake.resolve("successful-builds"), PLAN_BUILD + "\n");
    Path artifacts =
        Files.createDirectories(
            fake.resolve("buckets/artifacts-bucket/pcf/prod/" + COMMIT + "/" + PLAN_BUILD));
    Files.writeString(artifacts.resolve("tfplan"), "the reviewed plan");
    Files.writeString(artifacts.resolve("plan.txt"), "Plan: 1 to add");
    Files.writeString(artifacts.resolve("terraform.lock.hcl"), "# the plan's providers");
    Files.writeString(artifacts.resolve("composite-factors.zip"), "zip");
  }

  /** The script of a step as the build runs it. */
  private String rendered(JsonObject step) {
    String script = step.getAsJsonArray("args").get(1).getAsString();
    Matcher interpolation = INTERPOLATION.matcher(script);
    StringBuilder out = new StringBuilder();
    while (interpolation.find()) {
      String value = APPLIED.get(interpolation.group(1));
      if (value == null) {
        throw new AssertionError("the test does not know ${" + interpolation.group(1) + "}");
      }
      interpolation.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    interpolation.appendTail(out);
    return out.toString()
        .replace("$$", "\u0000")
        .replace("$COMMIT_SHA", COMMIT)
        .replace("/workspace", workspace.toString())
        .replace("\u0000", "$");
  }

  /** Runs the steps in order, as Cloud Build does, until one fails; its exit code and output. */
  private Run deploy(String branch) throws Exception {
    StringBuilder output = new StringBuilder();
    for (JsonObject step : steps) {
      Path dir = step.has("dir") ? workspace.resolve(step.get("dir").getAsString()) : workspace;
      ProcessBuilder builder =
          new ProcessBuilder("bash", "-ceu", rendered(step).replace("$BRANCH_NAME", branch))
              .directory(dir.toFile())
              .redirectErrorStream(true);
      builder.environment().put("FAKE", fake.toString());
      builder.environment().put("PATH", fake.resolve("bin") + ":" + System.getenv("PATH"));
      Process process = builder.start();
      output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      process.waitFor(60, TimeUnit.SECONDS);
      if (process.exitValue() != 0) {
        return new Run(process.exitValue(), output.toString());
      }
    }
    return new Run(0, output.toString());
  }

  private record Run(int exitCode, String output) {}

  private List<String> log(String tool) throws IOException {
    Path log = fake.resolve(tool + ".log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  @Test
  void appliesExactlyThePlanTheBranchBuildOfTheCommitMade() throws Exception {
    planned();

    Run run = deploy("main");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.output()).contains("applying the plan of build " + PLAN_BUILD);
    assertThat(log("terraform"))
        .containsExactly(
            "init -input=false -lockfile=readonly -backend-config=bucket=state-bucket"
                + " -backend-config=prefix=pcf/prod",
            "apply -input=false " + workspace.resolve("build/tfplan"),
            "output -json")
        .inOrder();
    assertThat(Files.readString(workspace.resolve("terraform/.terraform.lock.hcl")))
        .isEqualTo("# the plan's providers");
    assertThat(Files.exists(workspace.resolve("build/functions/composite-factors.zip"))).isTrue();
    assertThat(log("gcloud").get(0))
        .contains(
            "--filter=buildTriggerId=ci-trigger AND substitutions.COMMIT_SHA="
                + COMMIT
                + " AND substitutions.BRANCH_NAME=main AND status=SUCCESS");
    assertThat(log("scripts")).hasSize(2);
  }

  @Test
  void refusesAnyOtherBranchBeforeCallingAnything() throws Exception {
    planned();

    Run run = deploy("feature/grant-me-owner");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("is not main: this build only deploys main");
    assertThat(log("gcloud")).isEmpty();
    assertThat(log("terraform")).isEmpty();
  }

  @Test
  void appliesNothingWhenNoPlanOfTheCommitSucceeded() throws Exception {
    Run run = deploy("main");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output())
        .contains("no successful test-and-plan build of " + COMMIT + " on main");
    assertThat(log("terraform")).isEmpty();
    assertThat(log("scripts")).isEmpty();
  }
}
