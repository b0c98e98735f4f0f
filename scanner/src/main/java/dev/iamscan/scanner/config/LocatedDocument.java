package dev.iamscan.scanner.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML or JSON document as a Jackson tree plus the line where every value starts, keyed by JSON
 * pointer, so schema errors and metadata problems can name a line. Jackson's tree model drops
 * positions; the streaming parser keeps them.
 *
 * @param root the document
 * @param lines the line of each value, by JSON pointer ({@code ""} for the root, {@code /exceptions/0/rule})
 */
public record LocatedDocument(JsonNode root, Map<String, Integer> lines) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public LocatedDocument {
    lines = Map.copyOf(lines);
  }

  /** Parses YAML (and JSON, for a name ending in .json); throws with the line on a syntax error. */
  public static LocatedDocument parse(String text, String fileName) throws IOException {
    JsonFactory factory = fileName.endsWith(".json") ? new JsonFactory() : new YAMLFactory();
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) return new LocatedDocument(NODES.nullNode(), Map.of("", 1));
      JsonNode root = read(p, "", lines);
      return new LocatedDocument(root, lines);
    }
  }

  /** The line of the value at a pointer, or of its nearest parent that has one. */
  public int lineOf(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) return line;
      if (p.isEmpty()) return 1;
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  public Optional<JsonNode> at(String pointer) {
    JsonNode n = root.at(pointer);
    return n.isMissingNode() ? Optional.empty() : Optional.of(n);
  }

  private static JsonNode read(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
    lines.put(pointer, Math.max(1, p.currentTokenLocation().getLineNr()));
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          int keyLine = p.currentTokenLocation().getLineNr();
          p.nextToken();
          o.set(name, read(p, child, lines));
          // A value on the lines after its key ("key:\n  - a") is best named by the key's line.
          lines.put(child, Math.max(1, keyLine));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p, pointer + "/" + i++, lines));
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(p.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        // Embedded objects do not occur in YAML or JSON text.
        return NODES.textNode(p.getText());
      }
    }
  }
}
