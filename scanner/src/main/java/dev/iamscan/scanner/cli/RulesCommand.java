package dev.iamscan.scanner.cli;

import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rules", description = "Lists every rule: id, category, severity, summary.")
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CliEnvironment environment;

  RulesCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleMetadata> rules = environment.catalog().stream().map(Rule::metadata)
        .sorted(Comparator.comparing(RuleMetadata::id)).toList();
    int width = rules.stream().mapToInt(r -> r.category().id().length()).max().orElse(8);
    String row = "%-7s %-" + width + "s %-9s %s%n";
    out.printf(Locale.ROOT, row, "ID", "CATEGORY", "SEVERITY", "SUMMARY");
    for (RuleMetadata r : rules) {
      out.printf(Locale.ROOT, row, r.id(), r.category().id(), r.severity().label(), r.summary());
    }
    out.flush();
    return IamscanCommand.OK;
  }
}
