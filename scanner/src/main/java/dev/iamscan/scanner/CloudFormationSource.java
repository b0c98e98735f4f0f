package dev.iamscan.scanner;

import dev.iamscan.model.ParseResult;
import java.nio.file.Path;
import java.util.Optional;

/** Reads one candidate template; empty when the file is not a CloudFormation template. */
@FunctionalInterface
public interface CloudFormationSource {
  Optional<ParseResult> parse(Path file, Path scanRoot);
}
