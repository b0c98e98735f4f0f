package dev.iamscan.scanner.report;

/** The report formats the command line writes. */
public enum ReportFormat { SARIF, TEXT, JSON, GITHUB, JUNIT, MARKDOWN }
