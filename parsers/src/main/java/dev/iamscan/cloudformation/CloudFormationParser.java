package dev.iamscan.cloudformation;

import dev.iamscan.model.ParseResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a CloudFormation (and SAM) template, JSON or YAML, into located resources. Never throws on
 * bad input: problems become diagnostics.
 */
public final class CloudFormationParser {

  /**
   * @return empty when the file is not a CloudFormation template (other YAML or JSON), else the
   *     parse result (with diagnostics when it could not be read)
   */
  public Optional<ParseResult> parse(Path file, Path scanRoot) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
