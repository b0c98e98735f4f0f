package dev.iamscan.scanner.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code iamscan} command; it only holds the subcommands. */
@Command(name = "iamscan", mixinStandardHelpOptions = true,
    description = "Finds AWS IAM mistakes in Terraform and CloudFormation before they are deployed.",
    versionProvider = IamscanCommand.Version.class)
public final class IamscanCommand implements Runnable {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INPUT_ERRORS = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CliEnvironment environment;

  IamscanCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** The configured command line; {@code execute} returns the exit code. */
  public static CommandLine create(CliEnvironment environment, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new IamscanCommand(environment));
    cl.addSubcommand(new ScanCommand(environment));
    cl.addSubcommand(new RulesCommand(environment));
    cl.addSubcommand(new GraphCommand(environment));
    cl.addSubcommand(new ConfigCommand(environment));
    cl.addSubcommand(new VersionCommand(environment));
    cl.addSubcommand(new CommandLine.HelpCommand());
    addHelpOption(cl);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    // A usage error is one line and where to look, not the whole usage; exit 2.
    cl.setParameterExceptionHandler((e, args) -> {
      CommandLine where = e.getCommandLine();
      PrintWriter w = where.getErr();
      w.println("iamscan: " + e.getMessage().lines().findFirst().orElse("invalid command line"));
      w.println("Try '" + where.getCommandSpec().qualifiedName() + " --help' for more information.");
      w.flush();
      return USAGE;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // A bug, not the user's input; contract has no code of its own for it.
      commandLine.getErr().println("iamscan: internal error: " + e);
      commandLine.getErr().flush();
      return USAGE;
    });
    return cl;
  }

  /** {@code -h}/{@code --help} on every command that lacks it (picocli's mixin would add {@code -V} too). */
  private static void addHelpOption(CommandLine cl) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    if (spec.findOption("--help") == null && !(cl.getCommand() instanceof CommandLine.HelpCommand)) {
      spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
          .description("Show this help and exit.").build());
    }
    for (CommandLine sub : cl.getSubcommands().values()) addHelpOption(sub);
  }

  @Override
  public void run() {
    // "iamscan" alone: picocli prints the message and usage, and exits with the usage code.
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    String last = names.remove(names.size() - 1);
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: " + String.join(", ", names) + " or " + last);
  }


  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"iamscan " + dev.iamscan.scanner.ToolInfo.load().version()};
    }
  }
}
