package dev.iamscan.state;

import dev.iamscan.model.Resource;
import java.util.Optional;

/**
 * An OpenSearch or Elasticsearch domain.
 *
 * @param name the domain name as written
 * @param vpcOptions where it is placed in a VPC, when written
 * @param inVpc whether the domain certainly has a VPC endpoint (subnets given) or certainly a public
 *     one; empty when the placement is not known (a block or a condition the scan cannot resolve)
 */
public record SearchDomain(Resource owner, Setting name, Setting vpcOptions, Optional<Boolean> inVpc) {}
