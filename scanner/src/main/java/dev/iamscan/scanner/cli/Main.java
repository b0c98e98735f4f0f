package dev.iamscan.scanner.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the command line: the only class that touches the process's streams and exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the platform default: reports are JSON or go to tools expecting UTF-8.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    CliEnvironment env = CliEnvironment.ofProcess(System.console() != null);
    int code = IamscanCommand.create(env, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
