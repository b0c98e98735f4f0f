package dev.iamscan.scanner.cli;

/** Entry point of the command line. */
public final class Main {
  public static void main(String[] args) {
    System.exit(2);
  }
}
