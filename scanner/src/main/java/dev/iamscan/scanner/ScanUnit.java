package dev.iamscan.scanner;

import java.nio.file.Path;
import java.util.Objects;

/** One thing to hand to a parser: a Terraform module directory or a candidate template file. */
sealed interface ScanUnit {
  /** The root the unit was found under (a directory; a file root's parent). */
  ScanRoot root();

  /** The module directory or the template file. */
  Path path();

  record TerraformModule(ScanRoot root, Path path) implements ScanUnit {
    public TerraformModule {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(path, "path");
    }
  }

  record CandidateTemplate(ScanRoot root, Path path) implements ScanUnit {
    public CandidateTemplate {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Output of {@code terraform show -json}; {@code configDir} is the root module it was made from,
   * or null when its files are not at hand.
   */
  record TerraformPlan(ScanRoot root, Path path, Path configDir) implements ScanUnit {
    public TerraformPlan {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(path, "path");
    }
  }
}
