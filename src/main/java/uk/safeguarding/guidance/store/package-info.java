/**
 * The database that {@code learning} and {@code auth} keep their records in: where it is (a JDBC
 * URL, by default an H2 file under the data folder), its schema as Flyway migrations under
 * {@code src/main/resources/db/migration} run at every start, one serialised connection, and the
 * compaction that makes erased rows unreadable from the disk. Knows nothing of its users' tables
 * beyond the migrations; they depend on it, never the reverse.
 */
package uk.safeguarding.guidance.store;
