package dev.iamscan.scanner.cli;

import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.scanner.docs.RuleDocs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", description = "Lists every rule: id, category, severity, summary.",
    subcommands = {RulesCommand.Explain.class, RulesCommand.Docs.class})
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  final CliEnvironment environment;

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

  RuleDocs docs(Path projectRoot) {
    return new RuleDocs(environment.catalog(), RuleDocs.fixtures(projectRoot));
  }

  @Command(name = "explain", description = "Prints a rule's help with a noncompliant and a compliant example.")
  static final class Explain implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    RulesCommand parent;

    @Parameters(paramLabel = "ID", description = "The rule id, e.g. IAM001.")
    String id;

    @Override
    public Integer call() {
      RuleDocs docs = parent.docs(parent.environment.workingDirectory());
      Optional<RuleMetadata> rule = docs.rules().stream()
          .filter(r -> r.id().equalsIgnoreCase(id.trim())).findFirst();
      if (rule.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown rule '" + id + "' (see: iamscan rules)");
      }
      PrintWriter out = spec.commandLine().getOut();
      // The page without its generator comment: the first line is for people editing the repository.
      String page = docs.page(rule.get());
      out.print(page.substring(page.indexOf("\n\n") + 2));
      out.flush();
      return IamscanCommand.OK;
    }
  }

  @Command(name = "docs", description = "Checks or regenerates docs/rules/<ID>.md and the rule table in the README.")
  static final class Docs implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    RulesCommand parent;

    @Option(names = "--write", description = "Rewrite the stale files (default: only report them, exit 1).")
    boolean write;

    @Option(names = "--root", paramLabel = "DIR", description = "The project root (default: the current directory).")
    Path root;

    @Override
    public Integer call() throws IOException {
      Path project = root == null ? parent.environment.workingDirectory()
          : parent.environment.workingDirectory().resolve(root);
      RuleDocs docs = parent.docs(project);
      PrintWriter out = spec.commandLine().getOut();
      List<String> files = write ? docs.write(project) : docs.stale(project);
      for (String f : files) out.println((write ? "wrote " : "stale: ") + f);
      if (files.isEmpty()) out.println("rule docs are up to date");
      else if (!write) out.println("run: " + RuleDocs.REGENERATE);
      out.flush();
      return write || files.isEmpty() ? IamscanCommand.OK : IamscanCommand.FINDINGS;
    }
  }
}
