package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.rehearsal.IncidentKind;
import com.nbaprops.pcf.local.rehearsal.Rehearsal;
import com.nbaprops.pcf.local.rehearsal.RehearsalOutput;
import com.nbaprops.pcf.local.rehearsal.RehearsalTimeline;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "rehearse",
    mixinStandardHelpOptions = true,
    description = {
      "Run a season of operations on a simulated clock, in memory (your warehouse is not touched):"
          + " the upstream tables land day by day at their hours, the three scheduled jobs fire at"
          + " the times Terraform declares (New York time, daylight saving included) through the"
          + " bus to the four functions, and incidents drawn from --seed are injected. Prints, per"
          + " incident, when it was injected, detected and healed, and by what; then the false"
          + " alarms, the dates not COMPLETE, and whether the final table equals a clean run of the"
          + " same season. Exits 0 only when every incident was detected and healed, with no false"
          + " alarm, and every date ends COMPLETE and identical.",
      "Example: ./pipeline rehearse --seed 7 --out rehearsal.html --json rehearsal.json"
    })
final class RehearseCommand implements Callable<Integer> {
  @Option(names = "--seed", paramLabel = "S", description = "Draws the incidents (default 7).")
  long seed = 7;

  @Option(
      names = "--incidents",
      paramLabel = "N",
      description =
          "Incidents spread over the season, every kind at least once from 16 (default 20).")
  int incidents = 20;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Last game date to rehearse (default: the season's last), for a shorter run.")
  LocalDate until;

  @Option(
      names = "--no-auto-heal",
      description = "Rehearse with AUTO_HEAL off, to compare: heals then wait for a person.")
  boolean noAutoHeal;

  @Option(
      names = "--kinds",
      paramLabel = "KIND",
      split = ",",
      description = "Draw only these kinds (default: all): ${COMPLETION-CANDIDATES}, in any case.")
  Set<IncidentKind> kinds = Set.of();

  @Option(names = "--season", defaultValue = "2022-23", description = "Season (default 2022-23).")
  String season;

  @Option(names = "--json", paramLabel = "FILE", description = "Writes the result as JSON.")
  Path json;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Writes the season's timeline as one HTML page (inline SVG, no script).")
  Path html;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (incidents < 0 || incidents > 60) {
      throw new IllegalArgumentException("--incidents must be between 0 and 60, got " + incidents);
    }
    OutputFile.checked("--json", json);
    OutputFile.checked("--out", html);
    long started = System.nanoTime();
    RehearsalOutput result =
        new RehearsalOutput(
            Rehearsal.run(
                new Rehearsal.Options(season, until, seed, incidents, !noAutoHeal, kinds)));
    result.print(out);
    write(json, result.json());
    write(html, new RehearsalTimeline(result).html());
    out.printf("rehearsed in %.1f s (wall clock)%n", (System.nanoTime() - started) / 1e9);
    if (result.passed()) {
      return ExitCodes.OK;
    }
    out.println("the rehearsal failed: " + String.join("; ", result.failures()));
    return ExitCodes.PROBLEM;
  }

  private void write(Path file, String content) {
    if (file == null) {
      return;
    }
    OutputFile.write(file, content);
    spec.commandLine().getOut().println("written: " + file.toAbsolutePath());
  }
}
