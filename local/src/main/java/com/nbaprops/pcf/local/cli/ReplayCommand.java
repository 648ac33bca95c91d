package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.DeadLetterFile;
import com.nbaprops.pcf.local.LocalRuntime;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Publish dead letters of TOPIC again, as new messages (new ids, the same data and attributes),"
          + " once whatever failed them is fixed. A replayed message is processed like any other;"
          + " if it fails again, it is dead-lettered again.",
      "Example: ./pipeline replay composite-factors-requests --all"
    })
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand PipelineCli root;

  @Parameters(paramLabel = "TOPIC", description = "The topic (without the environment prefix).")
  String topic;

  @ArgGroup(multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--id", paramLabel = "ID", description = "The dead letter with this id.")
    String id;

    @Option(names = "--all", description = "Every dead letter of the topic.")
    boolean all;
  }

  PrintStream out = System.out;

  @Override
  public Integer call() {
    Topic target = Topic.parse(topic);
    try (LocalRuntime local = root.global.open()) {
      if (!local.deliversLocally()) {
        try (CloudDeadLetters cloud = new CloudDeadLetters(local, root.global.env)) {
          int replayed = cloud.replay(local, target, id -> which.all || id.equals(which.id));
          out.println(
              replayed
                  + " dead letters published again to "
                  + local.runtime().config().topic(target)
                  + "; the deployed functions process them");
          return replayed == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
      }
      List<DeadLetterFile.Entry> chosen =
          DeadLettersCommand.entries(local, target).stream()
              .filter(entry -> which.all || entry.id().equals(which.id))
              .toList();
      if (chosen.isEmpty()) {
        out.println(
            "no dead letter "
                + (which.all ? "" : which.id + " ")
                + "on "
                + target.baseName()
                + "; see ./pipeline deadletters");
        return ExitCodes.USAGE;
      }
      int before = local.bus().deadLetters().size();
      for (DeadLetterFile.Entry entry : chosen) {
        // Published before it is taken off the file: a crash in between replays it twice (the
        // functions are idempotent), never loses it. A replay that fails again is dead-lettered
        // again under its new id.
        String id = local.runtime().publisher().publish(target, entry.data(), entry.attributes());
        local.deadLetters().remove(Set.of(entry.id()));
        out.println("replayed " + entry.id() + " as " + id);
      }
      int failedAgain = local.bus().deadLetters().size() - before;
      out.println(
          chosen.size()
              + " replayed, "
              + failedAgain
              + " dead-lettered again"
              + (failedAgain == 0 ? "" : ": see ./pipeline deadletters"));
      return failedAgain == 0 ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }
}
