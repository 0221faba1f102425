package uk.safeguarding.guidance.store;

import java.nio.file.Path;

/** The products the store's users are tested on, each giving a fresh, empty database per call. */
public enum TestDatabase {

  /** The default: an H2 file under the given folder. */
  H2 {

    @Override
    public DatabaseConfig fresh(Path dir) {
      return DatabaseConfig.h2Under(dir);
    }
  },
  /** A database of its own on the one embedded PostgreSQL of the test JVM ({@link TestPostgres}). */
  POSTGRESQL {

    @Override
    public DatabaseConfig fresh(Path dir) {
      return TestPostgres.freshDatabase();
    }
  };

  public abstract DatabaseConfig fresh(Path dir);
}
