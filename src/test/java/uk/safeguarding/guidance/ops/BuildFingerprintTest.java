package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildFingerprintTest {

  @Test
  void a_jar_and_a_folder_of_classes_each_have_a_stable_fingerprint_of_their_own() {
    String jar = BuildFingerprint.of(org.slf4j.Logger.class); // loaded from slf4j-api's jar
    String folder = BuildFingerprint.of(BuildFingerprint.class); // target/classes
    assertEquals(jar, BuildFingerprint.of(org.slf4j.LoggerFactory.class), "read again, and the same jar");
    assertEquals(folder, BuildFingerprint.of(BuildFingerprint.class), "read again");
    assertNotEquals(jar, folder);
    assertTrue(jar.matches("[0-9a-f]{64}") && folder.matches("[0-9a-f]{64}"), "read, not made up: " + jar);
    assertEquals(folder, BuildFingerprint.current());
  }
}
