package dev.iamscan.state;

import dev.iamscan.model.Resource;
import java.util.List;

/**
 * One permission statement a resource adds to another resource's policy (a Lambda permission).
 *
 * @param service the service prefix of the protected resource ({@code lambda})
 * @param principal who is allowed
 * @param action the action allowed
 * @param target the resource the permission is added to
 * @param limits the settings that, when written, make the service add a condition pinning the caller
 */
public record ResourcePermission(Resource owner, String service, Setting principal, Setting action, Setting target,
    List<Setting> limits) {
  public ResourcePermission {
    limits = List.copyOf(limits);
  }
}
