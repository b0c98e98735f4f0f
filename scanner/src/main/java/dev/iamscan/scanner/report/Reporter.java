package dev.iamscan.scanner.report;

import dev.iamscan.scanner.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Turns a scan result into one output format. */
public interface Reporter {
  void write(ScanResult result, Writer out) throws IOException;
}
