package uk.safeguarding.guidance.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway: the versioned scripts in {@code db/migration} that have
 * not run on this database yet run in order, each recorded in {@code flyway_schema_history}.
 */
final class Migrations {

  /** Where the scripts are, inside the jar: {@code src/main/resources/db/migration}. */
  static final String LOCATION = "classpath:db/migration";
  /**
   * The version given to a database that builds before Flyway created with their own
   * {@code CREATE TABLE IF NOT EXISTS}: it has tables but no history. Below V1, so V1 (idempotent)
   * still runs over it and adds whatever that older build had not made.
   */
  static final String BEFORE_FLYWAY = "0";

  private Migrations() {}

  /** Applies the pending migrations over connections of Flyway's own; returns how many ran (0 when current). */
  static int run(DatabaseConfig config) {
    return run(config, Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(config.url(), config.user(), config.password()));
  }

  /** The same, through {@code dataSource} (the pool the store then uses). */
  static int run(DatabaseConfig config, DataSource dataSource) {
    return run(config, Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource));
  }

  private static int run(DatabaseConfig config, FluentConfiguration configuration) {
    Flyway flyway = configuration
        .locations(LOCATION)
        // A jar without its scripts would otherwise start with an empty schema and fail on the first insert.
        .failOnMissingLocations(true)
        .baselineOnMigrate(true)
        .baselineVersion(BEFORE_FLYWAY)
        .baselineDescription("tables made before Flyway")
        .load();
    try {
      MigrateResult result = flyway.migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new IllegalStateException(
          "Cannot bring the database schema up to date (" + config.safeUrl() + "): " + e.getMessage(), e);
    }
  }
}
