package com.nbaprops.pcf.local.infra;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/check-dead-letter-policies.sh, the deploy build's last step, against a stand-in gcloud
 * that answers from files: it passes when every trigger's subscription has its function's
 * dead-letter topic and attempts, and fails naming the one that lost it.
 */
class DeadLetterCheckTest {
  private static final Path SCRIPT =
      Terraform.repositoryRoot().resolve("scripts/check-dead-letter-policies.sh");

  @TempDir Path dir;

  @BeforeEach
  void standInGcloud() throws IOException {
    Path gcloud = dir.resolve("bin/gcloud");
    Files.createDirectories(gcloud.getParent());
    Files.writeString(
        gcloud,
        """
        #!/usr/bin/env bash
        # eventarc triggers describe T --format=...  |  pubsub subscriptions describe S --format=json
        if [ "$1 $2 $3" = "eventarc triggers describe" ]; then
          echo "projects/p/subscriptions/sub-$4"
        elif [ "$1 $2 $3" = "pubsub subscriptions describe" ]; then
          cat "$STAND_IN/$(basename "$4").json"
        else
          echo "unexpected: $*" >&2; exit 2
        fi
        """);
    Files.setPosixFilePermissions(gcloud, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        dir.resolve("outputs.json"),
        """
        {"max_delivery_attempts": {"value": 5},
         "triggers": {"value": {
           "composite-factors--composite-factors-requests":
             {"trigger": "t1", "dead_letter_topic": "projects/p/topics/composite-factors-dead-letter"},
           "metadata-tracking--metadata-tracking-trigger":
             {"trigger": "t2", "dead_letter_topic": "projects/p/topics/metadata-tracking-dead-letter"}}}}
        """);
  }

  private void subscription(String name, String policy) throws IOException {
    Files.writeString(dir.resolve(name + ".json"), "{\"name\": \"" + name + "\"" + policy + "}");
  }

  private static String policy(String topic, int attempts) {
    return ", \"deadLetterPolicy\": {\"deadLetterTopic\": \"projects/p/topics/"
        + topic
        + "\", \"maxDeliveryAttempts\": "
        + attempts
        + "}";
  }

  private record Run(int exit, String out, String err) {}

  private Run check() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString(), dir.resolve("outputs.json").toString());
    Map<String, String> env = builder.environment();
    env.put("PATH", dir.resolve("bin") + ":" + env.get("PATH"));
    env.put("STAND_IN", dir.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void passesWhenEverySubscriptionHasItsPolicy() throws Exception {
    subscription("sub-t1", policy("composite-factors-dead-letter", 5));
    subscription("sub-t2", policy("metadata-tracking-dead-letter", 5));

    Run run = check();

    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).contains("ok       projects/p/subscriptions/sub-t2");
  }

  @Test
  void failsNamingASubscriptionThatLostItsPolicy() throws Exception {
    subscription("sub-t1", policy("composite-factors-dead-letter", 5));
    subscription("sub-t2", ""); // a trigger re-created by Terraform

    Run run = check();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("MISSING  projects/p/subscriptions/sub-t2");
    assertThat(run.err()).contains("1 subscription(s) without their dead-letter policy");
  }

  @Test
  void failsOnAPolicyWithOtherAttemptsThanConfigured() throws Exception {
    subscription("sub-t1", policy("composite-factors-dead-letter", 5));
    subscription("sub-t2", policy("metadata-tracking-dead-letter", 20));

    assertThat(check().exit()).isEqualTo(1);
  }
}
