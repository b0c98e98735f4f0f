package dev.iamscan.scanner;

import dev.iamscan.model.ParseResult;
import java.nio.file.Path;
import java.util.List;

/** Reads one Terraform module directory; the seam that lets tests replace the real parser. */
@FunctionalInterface
public interface TerraformSource {
  ParseResult parse(Path moduleDir, Path scanRoot, List<Path> varFiles);
}
