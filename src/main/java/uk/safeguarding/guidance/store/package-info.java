/**
 * The database that {@code learning} and {@code auth} keep their records in (and, shared by replicas,
 * leases and the API's rate-limit quotas): where it is (a JDBC
 * URL: by default an H2 file under the data folder, or a PostgreSQL that replicas share), its schema
 * as Flyway migrations under {@code src/main/resources/db/migration} run at every start, how it is
 * connected to (H2's one serialised connection, PostgreSQL's small HikariCP pool), and the compaction
 * that makes erased rows unreadable from its files. Knows nothing of its users' tables
 * beyond the migrations; they depend on it, never the reverse.
 */
package uk.safeguarding.guidance.store;
