package dev.iamscan.state;

import dev.iamscan.model.Resource;
import java.util.List;

/** A virtual MFA device and the users of the scan it is assigned to. */
public record MfaDevice(Resource owner, List<Resource> users) {
  public MfaDevice {
    users = List.copyOf(users);
  }
}
