package dev.iamscan.scanner.cli;

import dev.iamscan.scanner.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Works with .iamscan.yml configuration files.",
    subcommands = ConfigCommand.Validate.class)
final class ConfigCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: validate");
  }

  @Command(name = "validate", description = "Checks a configuration file against its schema and the rule catalogue; exit 2 when invalid.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    ConfigCommand parent;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The file (default: .iamscan.yml).")
    Path file;

    @Override
    public Integer call() {
      Path cwd = parent.environment.workingDirectory();
      Path target = cwd.resolve(file == null ? Path.of(ConfigLoader.FILE_NAME) : file);
      String name = ScanCommand.displayName(cwd, target);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(target)) {
        err.println("iamscan: " + name + ": no such file");
        err.flush();
        return IamscanCommand.USAGE;
      }
      try {
        new ConfigLoader(parent.environment.ruleIds()).load(target, name);
      } catch (ConfigLoader.InvalidConfigException e) {
        for (String p : e.problems()) err.println(p);
        err.flush();
        return IamscanCommand.USAGE;
      }
      out.println(name + ": valid");
      out.flush();
      return IamscanCommand.OK;
    }
  }

  final CliEnvironment environment;

  ConfigCommand(CliEnvironment environment) {
    this.environment = environment;
  }
}
