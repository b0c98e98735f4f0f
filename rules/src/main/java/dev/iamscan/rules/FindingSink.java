package dev.iamscan.rules;

/** Where rules put what they find. */
@FunctionalInterface
public interface FindingSink {
  void report(Finding finding);
}
