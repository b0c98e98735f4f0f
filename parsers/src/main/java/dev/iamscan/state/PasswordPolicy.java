package dev.iamscan.state;

import dev.iamscan.model.Resource;
import java.util.List;

/**
 * An account password policy. Every setting is absent when not written: AWS then applies its own
 * defaults.
 */
public record PasswordPolicy(Resource owner, Setting minimumLength, Setting reusePrevention, Setting maxAge,
    Setting requireUppercase, Setting requireLowercase, Setting requireNumbers, Setting requireSymbols,
    Setting allowUsersToChange) {

  /** The complexity requirements, in the order messages list them. */
  public List<Setting> complexity() {
    return List.of(requireUppercase, requireLowercase, requireNumbers, requireSymbols);
  }
}
