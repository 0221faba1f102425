package uk.safeguarding.guidance.auth;

import uk.safeguarding.guidance.store.TestDatabase;

class TrainerStoreOnPostgresTest extends TrainerStoreTest {

  @Override
  TestDatabase product() {
    return TestDatabase.POSTGRESQL;
  }
}
