package dev.iamscan.rules.graph;

/** The answer to "does this pattern cover that?" when part of the pattern may not be known. */
enum Tri {
  YES,
  NO,
  UNKNOWN;

  static Tri of(boolean b) {
    return b ? YES : NO;
  }

  Tri or(Tri other) {
    if (this == YES || other == YES) return YES;
    if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
    return NO;
  }

  Tri and(Tri other) {
    if (this == NO || other == NO) return NO;
    if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
    return YES;
  }

  Tri not() {
    return switch (this) {
      case YES -> NO;
      case NO -> YES;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
