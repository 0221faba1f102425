package uk.safeguarding.guidance.store;

import java.sql.SQLException;
import java.util.List;

/** How a {@link Database} reaches its product: H2's one connection or PostgreSQL's pool. */
sealed interface Connections extends AutoCloseable permits SingleConnection, ConnectionPool {

  <T> T use(Database.Work<T> work) throws SQLException;

  /** Rewrites {@code tables} (H2: the whole file) with only their live rows; see {@link Dialect}. */
  void compact(List<String> tables) throws SQLException;

  @Override
  void close() throws SQLException;
}
