package uk.safeguarding.guidance.auth;

import uk.safeguarding.guidance.store.TestDatabase;

class TrainerStoreOnH2Test extends TrainerStoreTest {

  @Override
  TestDatabase product() {
    return TestDatabase.H2;
  }
}
