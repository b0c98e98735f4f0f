package dev.iamscan.scanner.report;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.scanner.FailOn;
import dev.iamscan.scanner.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI systems that read test reports. One {@code testsuite} per rule that ran, one
 * {@code testcase} per finding (a rule without findings is one passing test case, {@code no findings}).
 * A finding at or above {@code --fail-on} is a {@code failure}; one below it passes, with its message
 * as {@code system-out}, as it does not fail the scan. Files that could not be read are a last
 * suite, {@code iamscan.input}, with an {@code error} per file. The attributes are those of the
 * common Ant/Jenkins/Surefire form ({@code testsuites}, {@code testsuite}, {@code testcase},
 * {@code failure}, {@code error}, {@code system-out}), plus {@code file} and {@code line} on test
 * cases, which GitLab and several CI viewers read.
 */
public final class JUnitReporter implements Reporter {
  private final FailOn failOn;

  public JUnitReporter(FailOn failOn) {
    this.failOn = failOn;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (RuleMetadata r : result.rules()) byRule.put(r.id(), new ArrayList<>());
    for (Finding f : result.findings()) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    Map<String, List<Diagnostic>> errors = new TreeMap<>();
    for (Diagnostic d : result.diagnostics()) {
      if (d.level() == Diagnostic.Level.ERROR) errors.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
    }
    int tests = 0;
    int failures = 0;
    for (List<Finding> fs : byRule.values()) {
      tests += Math.max(1, fs.size());
      failures += (int) fs.stream().filter(failOn::fails).count();
    }
    tests += errors.size();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "iamscan");
      x.writeAttribute("tests", Integer.toString(tests));
      x.writeAttribute("failures", Integer.toString(failures));
      x.writeAttribute("errors", Integer.toString(errors.size()));
      for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
        List<Finding> fs = e.getValue();
        RuleMetadata rule = result.rules().stream().filter(r -> r.id().equals(e.getKey())).findFirst()
            .orElseGet(() -> fs.get(0).rule());
        suiteStart(x, "iamscan." + rule.id(), Math.max(1, fs.size()),
            (int) fs.stream().filter(failOn::fails).count(), 0);
        if (fs.isEmpty()) {
          indent(x, 2);
          x.writeEmptyElement("testcase");
          x.writeAttribute("classname", "iamscan." + rule.id());
          x.writeAttribute("name", "no findings");
        }
        for (Finding f : fs) finding(x, f);
        indent(x, 1);
        x.writeEndElement();
      }
      if (!errors.isEmpty()) {
        suiteStart(x, "iamscan.input", errors.size(), 0, errors.size());
        for (Map.Entry<String, List<Diagnostic>> e : errors.entrySet()) {
          String file = e.getKey().isEmpty() ? "(scan)" : e.getKey();
          indent(x, 2);
          x.writeStartElement("testcase");
          x.writeAttribute("classname", "iamscan.input");
          x.writeAttribute("name", file);
          if (!e.getKey().isEmpty()) x.writeAttribute("file", e.getKey());
          Diagnostic first = e.getValue().get(0);
          indent(x, 3);
          x.writeStartElement("error");
          x.writeAttribute("message", clean(first.message()));
          x.writeAttribute("type", "input");
          StringBuilder text = new StringBuilder();
          for (Diagnostic d : e.getValue()) text.append(d).append('\n');
          x.writeCharacters(clean(text.toString()));
          x.writeEndElement();
          indent(x, 2);
          x.writeEndElement();
        }
        indent(x, 1);
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      out.write("\n");
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void suiteStart(XMLStreamWriter x, String name, int tests, int failures, int errors)
      throws XMLStreamException {
    indent(x, 1);
    x.writeStartElement("testsuite");
    x.writeAttribute("name", name);
    x.writeAttribute("tests", Integer.toString(tests));
    x.writeAttribute("failures", Integer.toString(failures));
    x.writeAttribute("errors", Integer.toString(errors));
    x.writeAttribute("skipped", "0");
  }

  private void finding(XMLStreamWriter x, Finding f) throws XMLStreamException {
    var loc = f.location();
    String where = loc.file() + ":" + loc.startLine() + ":" + loc.startColumn();
    indent(x, 2);
    x.writeStartElement("testcase");
    x.writeAttribute("classname", "iamscan." + f.ruleId());
    x.writeAttribute("name", clean(where + " " + f.resource()));
    x.writeAttribute("file", clean(loc.file()));
    x.writeAttribute("line", Integer.toString(loc.startLine()));
    String text = where + "  " + f.severity().name() + "  " + f.ruleId() + "  " + f.message() + "\nfix: "
        + RuleHelp.fix(f.rule()) + "\n";
    indent(x, 3);
    if (failOn.fails(f)) {
      x.writeStartElement("failure");
      x.writeAttribute("message", clean(f.message()));
      x.writeAttribute("type", f.severity().label());
    } else {
      x.writeStartElement("system-out");
    }
    x.writeCharacters(clean(text));
    x.writeEndElement();
    indent(x, 2);
    x.writeEndElement();
  }

  /** XML 1.0 cannot hold most control characters, even escaped; they become U+FFFD. */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      b.appendCodePoint(ok ? c : 0xFFFD);
    });
    return b.toString();
  }

  private static void indent(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }
}
