package com.nbaprops.pcf.local.runtime;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus.DeadLetter;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFileTest {
  @TempDir Path home;

  private static DeadLetter letter(String id) {
    return new DeadLetter(
        "composite-factors-composite-factors-requests",
        new Message(
            id,
            "composite-factors-requests",
            "{\"analysis_date\":\"2023-02-23\"}",
            Map.of("run_id", "r")),
        5,
        "No space left on device");
  }

  @Test
  void keepsEachLetterUntilItIsRemoved() {
    DeadLetterFile file = new DeadLetterFile(home);
    file.append(letter("1"));
    file.append(letter("2"));

    file.remove(Set.of("1"));

    assertThat(new DeadLetterFile(home).entries()).hasSize(1);
    assertThat(new DeadLetterFile(home).entries().get(0).id()).isEqualTo("2");
    assertThat(new DeadLetterFile(home).entries().get(0).attributes())
        .containsExactly("run_id", "r");
  }

  @Test
  void aLastLineCutShortByACrashIsPassedOver() throws Exception {
    DeadLetterFile file = new DeadLetterFile(home);
    file.append(letter("1"));
    Files.writeString(
        home.resolve("dead-letters.jsonl"),
        "{\"id\":\"2\",\"topic\":\"composite-fa",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    assertThat(file.entries()).hasSize(1);
  }
}
