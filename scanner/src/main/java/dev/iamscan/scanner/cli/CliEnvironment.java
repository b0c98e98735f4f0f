package dev.iamscan.scanner.cli;

import dev.iamscan.model.ParserLimits;
import dev.iamscan.rules.Rule;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Everything the commands take from the process, injected so tests control it.
 *
 * @param workingDirectory what reported file names are relative to
 * @param env environment variables ({@code NO_COLOR})
 * @param terminal whether standard output is a terminal
 * @param catalog every rule there is
 * @param scanners builds a scanner for the enabled rules
 * @param clock today's date, for suppressions and exceptions that expire
 */
public record CliEnvironment(Path workingDirectory, Map<String, String> env, boolean terminal,
    ToolInfo tool, List<Rule> catalog, ScannerFactory scanners, Clock clock) {

  /** Builds a scanner for a set of rules whose parsers keep within the limits, sending warnings to the consumer. */
  @FunctionalInterface
  public interface ScannerFactory {
    Scanner create(List<Rule> rules, ParserLimits limits, Consumer<String> warnings);
  }

  public CliEnvironment {
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    env = Map.copyOf(env);
    Objects.requireNonNull(tool, "tool");
    catalog = List.copyOf(catalog);
    Objects.requireNonNull(scanners, "scanners");
    Objects.requireNonNull(clock, "clock");
  }

  public CliEnvironment(Path workingDirectory, Map<String, String> env, boolean terminal, ToolInfo tool,
      List<Rule> catalog, ScannerFactory scanners) {
    this(workingDirectory, env, terminal, tool, catalog, scanners, Clock.systemDefaultZone());
  }

  /** The id of every rule in the catalogue. */
  Set<String> ruleIds() {
    Set<String> ids = new TreeSet<>();
    catalog.forEach(r -> ids.add(r.metadata().id()));
    return ids;
  }

  /** The real process: its directory, environment, real parsers and the rule catalog. */
  static CliEnvironment ofProcess(boolean terminal) {
    return new CliEnvironment(Path.of("").toAbsolutePath(), System.getenv(), terminal, ToolInfo.load(),
        Scanner.allRules(), Scanner::withDefaults);
  }

  /** Colour only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
  boolean colour() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }
}
