package dev.iamscan.model;

import java.util.List;

/**
 * What a parser produced from one Terraform module or one CloudFormation template: the resources it
 * could read, the problems it met, and the files it read (relative to the scan root).
 */
public record ParseResult(List<Resource> resources, List<Diagnostic> diagnostics, List<String> files) {
  public ParseResult {
    resources = List.copyOf(resources);
    diagnostics = List.copyOf(diagnostics);
    files = List.copyOf(files);
  }
}
