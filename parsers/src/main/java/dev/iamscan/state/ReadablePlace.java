package dev.iamscan.state;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import java.util.List;

/**
 * A place whose content people and services other than its workload can read: an instance's or a
 * launch template's user data, an S3 object's content, a function's environment, a task's container
 * definitions, a build project's plain-text environment variable, an Elastic Beanstalk environment's
 * settings, a DynamoDB table item, a plain-text SSM parameter, a root module's output that is not sensitive, a stack
 * output. A credential put there is held by everyone who can read the place.
 *
 * @param kind what the place is
 * @param content the field holding the content as written
 * @param keys the access keys of the scan whose credentials the content is computed from
 */
public record ReadablePlace(Resource owner, Kind kind, Setting content, List<KeyUse> keys) {
  public ReadablePlace {
    keys = List.copyOf(keys);
  }

  /** What a readable place is; each kind has its own readers. */
  public enum Kind {
    INSTANCE_USER_DATA,
    LAUNCH_CONFIGURATION_USER_DATA,
    LAUNCH_TEMPLATE_USER_DATA,
    OBJECT_CONTENT,
    FUNCTION_ENVIRONMENT,
    CONTAINER_DEFINITIONS,
    /** A plain-text environment variable of a CodeBuild project. */
    BUILD_ENVIRONMENT,
    /** An Elastic Beanstalk environment's option settings (environment properties among them). */
    BEANSTALK_SETTINGS,
    /** An item of a DynamoDB table the template writes. */
    TABLE_ITEM,
    STRING_PARAMETER,
    /** An output of a Terraform root module, kept in plain text in the state. */
    MODULE_OUTPUT,
    /** A CloudFormation stack output. */
    STACK_OUTPUT
  }

  /** Which credential of an access key. */
  public enum Part {
    SECRET("secret access key"),
    SMTP_PASSWORD("SES SMTP password"),
    ID("access key id");

    private final String label;

    Part(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One use of an access key's credential in the content.
   *
   * @param at where the content uses it, inside the place's resource
   * @param origin where the value using it was written, when elsewhere (a local, a variable default,
   *     a module argument); otherwise equal to {@code at}
   * @param expression how it is written ({@code aws_iam_access_key.ci.secret}, {@code !GetAtt Key.SecretAccessKey})
   */
  public record KeyUse(AccessKey key, Part part, SourceRange at, SourceRange origin, String expression) {}
}
