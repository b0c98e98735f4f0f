package dev.iamscan.rules.schema;

import dev.iamscan.rules.Rule;
import java.util.List;

/** The schema rules (IAM070–IAM079): policy grammar and resource schemas, category invalid-template. */
public final class SchemaRules {
  private SchemaRules() {}

  public static List<Rule> all() {
    return List.of(new PolicyGrammarRule(), new ResourceSchemaRule());
  }
}
