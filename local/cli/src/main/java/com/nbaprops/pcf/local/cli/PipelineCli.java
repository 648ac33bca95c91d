package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.failure.Causes;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.port.WarehouseBusyException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./pipeline}: the operator CLI on the embedded default (DuckDB, in-process bus, local
 * blobs).
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Operate the composite-factors suite on the embedded warehouse.",
    subcommands = {
      DemoCommand.class,
      SeedCommand.class,
      PublishCommand.class,
      ReprocessCommand.class,
      BackfillCommand.class,
      PreflightCommand.class,
      TrackCommand.class,
      HealCommand.class,
      ReportCommand.class,
      StatusCommand.class,
      CleanupCommand.class,
      RestoreCommand.class,
      FailuresCommand.class,
      DeadLettersCommand.class,
      ReplayCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      RehearseCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the work found a problem, 2 bad usage or input, 3 the embedded warehouse is"
          + " held by another process (run again once it is free).",
      "State lives in PIPELINE_HOME (default .local/)."
    })
public final class PipelineCli implements Callable<Integer> {
  /**
   * The options every command takes. Declared here, inherited by the sub-commands, so they go
   * before the sub-command or after it, as operators type them ({@code ./pipeline --today D
   * backfill ...}).
   */
  @Mixin GlobalOptions global;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The CLI reading its configuration from {@code env} instead of the process's environment. */
  static CommandLine commandLine(Map<String, String> env) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cli =
        new CommandLine(
            new PipelineCli(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                K created = defaults.create(type);
                if (created instanceof GlobalOptions options) {
                  options.env = env;
                }
                return created;
              }
            });
    cli.registerConverter(
        LocalDate.class,
        text -> {
          try {
            return JsonFields.date("date", text);
          } catch (InvalidMessageException e) {
            // Picocli would print the exception's class name to a person.
            throw new CommandLine.TypeConversionException(e.getMessage());
          }
        });
    // The help writes the values as people type them (--log-format json).
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Wrong usage: the reason and the command's one-line synopsis, not its whole help.
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          PrintWriter err = command.getErr();
          err.println(e.getMessage());
          err.print("Usage: " + command.getHelp().synopsis(0));
          err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
          err.flush();
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + Causes.chain(e));
          commandLine.getErr().flush();
          for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WarehouseBusyException) {
              return ExitCodes.BUSY;
            }
          }
          return e instanceof InvalidMessageException
                  || e instanceof ConfigException
                  || e instanceof IllegalArgumentException
              ? ExitCodes.USAGE
              : ExitCodes.PROBLEM;
        });
    return cli;
  }

  @Override
  public Integer call() {
    // No command: nothing was done, which a script must not read as success.
    CommandLine.usage(this, System.err);
    return ExitCodes.USAGE;
  }
}
