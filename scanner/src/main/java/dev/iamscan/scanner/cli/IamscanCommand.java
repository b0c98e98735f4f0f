package dev.iamscan.scanner.cli;

import java.io.PrintWriter;
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
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    // picocli already exits with 2 (USAGE) on invalid input.
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // A bug, not the user's input; contract has no code of its own for it.
      commandLine.getErr().println("iamscan: internal error: " + e);
      commandLine.getErr().flush();
      return USAGE;
    });
    return cl;
  }

  @Override
  public void run() {
    // "iamscan" alone: picocli prints the message and usage, and exits with the usage code.
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: scan, rules, config or version");
  }


  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"iamscan " + dev.iamscan.scanner.ToolInfo.load().version()};
    }
  }
}
