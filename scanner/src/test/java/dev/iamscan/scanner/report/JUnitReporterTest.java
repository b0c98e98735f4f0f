package dev.iamscan.scanner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.FailOn;
import dev.iamscan.scanner.Fixtures;
import dev.iamscan.scanner.ScanResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class JUnitReporterTest {
  @Test
  void charactersXmlCannotHoldAreReplacedSoTheReportStaysWellFormed() throws Exception {
    Finding f = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL, "value \u0001\u001b[31m & <tag>",
        SourceRange.at("a.tf", 3, 1), "aws_iam_policy.a", "", List.of());
    ScanResult r = Fixtures.result(List.of(f), List.of(), 1, 0, List.of(Fixtures.CRITICAL_RULE), List.of(), Map.of(),
        Path.of("/work"));
    StringWriter w = new StringWriter();
    new JUnitReporter(FailOn.LOW).write(r, w);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(w.toString())));
    String message = doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message")
        .getNodeValue();
    assertEquals("value \uFFFD\uFFFD[31m & <tag>", message);
    assertTrue(w.toString().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), w.toString());
  }
}
