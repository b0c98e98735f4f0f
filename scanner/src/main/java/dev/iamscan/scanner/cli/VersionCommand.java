package dev.iamscan.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CliEnvironment environment;

  VersionCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(environment.tool().name() + " " + environment.tool().version());
    spec.commandLine().getOut().flush();
    return IamscanCommand.OK;
  }
}
