package dev.iamscan.policy;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
import java.util.List;

/**
 * A policy document read from any of its forms.
 *
 * @param statements the statements that could be read
 * @param unknown the document, or part of it, is an expression the scanner could not resolve
 * @param problems grammar problems (invalid JSON, a statement that is not an object, ...)
 * @param range where the document was written
 * @param builtFrom locations of data sources or files that produced it, for related locations
 */
public record PolicyDocument(
    List<PolicyStatement> statements,
    boolean unknown,
    List<Diagnostic> problems,
    SourceRange range,
    List<SourceRange> builtFrom) {

  public PolicyDocument {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
    builtFrom = List.copyOf(builtFrom);
  }
}
