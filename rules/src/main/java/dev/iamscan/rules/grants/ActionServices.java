package dev.iamscan.rules.grants;

import java.util.Optional;

/** Service prefixes of actions, checked against AWS's action catalogue. */
public final class ActionServices {
  private ActionServices() {}

  /**
   * For an action written with a near miss of a known service prefix ({@code cognitoidp:*}), the
   * service it was meant for; such an action grants nothing. Empty otherwise.
   */
  public static Optional<String> misspelt(String action) {
    String a = action.trim();
    int colon = a.indexOf(':');
    if (colon <= 0) return Optional.empty();
    return IamActions.get().misspeltService(a.substring(0, colon));
  }
}
