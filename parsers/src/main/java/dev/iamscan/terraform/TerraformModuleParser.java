package dev.iamscan.terraform;

import dev.iamscan.model.ParseResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads every {@code *.tf} and {@code *.tf.json} file of one directory as one Terraform module and
 * evaluates it into located resources. Never throws on bad input: problems become diagnostics.
 */
public final class TerraformModuleParser {

  /**
   * @param moduleDir the module directory
   * @param scanRoot the root the scan was asked for; file paths in the result are relative to it,
   *     and {@code file()} never reads outside it
   * @param varFiles extra variable files ({@code --var-file}), applied after the module's own
   *     {@code terraform.tfvars} and {@code *.auto.tfvars}
   */
  public ParseResult parse(Path moduleDir, Path scanRoot, List<Path> varFiles) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
