package dev.iamscan.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActionAccessLevelTest {
  @Test
  void readsAndLists() {
    assertTrue(ActionAccessLevel.isReadOnly("s3:GetObject"));
    assertTrue(ActionAccessLevel.isReadOnly("s3:Get*"));
    assertTrue(ActionAccessLevel.isReadOnly("S3:LIST*"));
    assertTrue(ActionAccessLevel.isReadOnly("sqs:GetQueueAttributes"));
    assertTrue(ActionAccessLevel.isReadOnly("ecr:BatchGetImage"));
  }

  @Test
  void everythingElseMayWrite() {
    assertFalse(ActionAccessLevel.isReadOnly("*"));
    assertFalse(ActionAccessLevel.isReadOnly("s3:*"));
    assertFalse(ActionAccessLevel.isReadOnly("s3:*Object"));
    assertFalse(ActionAccessLevel.isReadOnly("s3:G*"));
    assertFalse(ActionAccessLevel.isReadOnly("s3:Put*"));
    assertFalse(ActionAccessLevel.isReadOnly("s3:PutBucketPolicy"));
    assertFalse(ActionAccessLevel.isReadOnly("s3:RestoreObject"));
    assertFalse(ActionAccessLevel.isReadOnly("kms:Decrypt"));
    assertFalse(ActionAccessLevel.isReadOnly("sqs:SendMessage"));
    assertFalse(ActionAccessLevel.isReadOnly("GetObject"));
  }
}
