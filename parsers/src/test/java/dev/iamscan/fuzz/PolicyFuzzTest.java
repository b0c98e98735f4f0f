package dev.iamscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Format;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyReader;
import dev.iamscan.policy.PolicyStatement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The policy reader on arbitrary JSON text, as a policy written verbatim at line 1 of a file. */
class PolicyFuzzTest {
  private static final String FILE = "policy.json";

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void policyText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    PolicyDocument first = read(text);
    int lines = ParseInvariants.lineCount(text);
    List<String> bad = new ArrayList<>();
    for (Diagnostic d : first.problems()) {
      if (d.file().equals(FILE) && (d.line() < 1 || d.line() > lines + 1)) bad.add(d.toString());
    }
    ParseInvariants.check(first.range(), FILE, lines, bad);
    for (PolicyStatement s : first.statements()) {
      ParseInvariants.check(s.range(), FILE, lines, bad);
      ParseInvariants.check(s.effectRange(), FILE, lines, bad);
    }
    if (!bad.isEmpty()) throw new AssertionError("positions outside the text (" + lines + " lines): " + bad);
    ParseInvariants.assertSame(first, read(text));
  }

  private static PolicyDocument read(String text) {
    SourceRange at = SourceRange.at(FILE, 1, 1);
    Resource owner = new Resource(Format.CLOUDFORMATION, "resource", "AWS::IAM::Policy", "Fuzzed", FILE,
        Value.ObjectValue.empty(at), Value.ObjectValue.empty(at), at, List.of());
    return new PolicyReader(new ResourceModel(List.of(owner))).read(new Value.Text(text, at, true), owner);
  }
}
