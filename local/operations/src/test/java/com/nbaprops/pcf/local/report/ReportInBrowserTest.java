package com.nbaprops.pcf.local.report;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in Debian's headless Chromium (scripts/install-chromium.sh; run with {@code mvn
 * -Pbrowser test -pl local/operations -am}): it renders without console errors, the rendered DOM
 * has one point per date, and a screenshot is saved to {@code target/report.png}.
 */
@Tag("browser")
class ReportInBrowserTest {
  @TempDir Path work;

  private record Run(int exit, String stdout, String stderr) {}

  private Run chromium(List<String> extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("chromium");
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
            "--enable-logging=stderr",
            "--v=0"));
    command.addAll(extra);
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not finish in 120 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void rendersWithoutConsoleErrorsWithOnePointPerDate() throws Exception {
    Path page = work.resolve("report.html");
    Files.writeString(page, CoverageReportTest.report().html(), StandardCharsets.UTF_8);

    Run dom = chromium(List.of("--dump-dom", page.toUri().toString()));
    Path screenshot = Path.of("target", "report.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    Run shot =
        chromium(
            List.of(
                "--window-size=1100,1000", "--screenshot=" + screenshot, page.toUri().toString()));

    assertThat(dom.exit()).isEqualTo(0);
    assertThat(Pattern.compile("<circle class=\"point ").matcher(dom.stdout()).results().count())
        .isEqualTo(CoverageReportTest.DATES.size());
    assertThat(dom.stderr()).doesNotContain("CONSOLE");
    assertThat(dom.stderr()).doesNotContain("Failed to load resource");
    assertThat(shot.exit()).isEqualTo(0);
    assertThat(Files.size(screenshot)).isGreaterThan(10_000L);
  }
}
