package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void an_unsupported_database_url_is_refused_with_its_scheme_named() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DatabaseConfig("jdbc:mysql://db/guidance?password=secret", "u", ""));
    assertEquals("The database URL must start with jdbc:h2: or jdbc:postgresql:, got 'jdbc:mysql:'.", e.getMessage());
    assertEquals(Dialect.POSTGRESQL, new DatabaseConfig("jdbc:postgresql://db/guidance", "u", "").dialect());
  }

  @Test
  void the_text_form_of_a_config_hides_passwords() {
    DatabaseConfig config =
        new DatabaseConfig("jdbc:postgresql://db/guidance?user=app&password=s3cret", "app", "s3cret");
    assertEquals("DatabaseConfig[url=jdbc:postgresql://db/guidance?user=app&password=***, user=app, password=***]",
        config.toString());
  }

  @Test
  void a_url_takes_its_credentials_from_the_environment() {
    DatabaseConfig config = DatabaseConfig.fromUrl(" jdbc:postgresql://db:5432/guidance ",
        Map.of(DatabaseConfig.USER_ENV, "app", DatabaseConfig.PASSWORD_ENV, "s3cret"));
    assertEquals(new DatabaseConfig("jdbc:postgresql://db:5432/guidance", "app", "s3cret"), config);
    assertEquals(new DatabaseConfig("jdbc:postgresql://db/guidance", "", ""),
        DatabaseConfig.fromUrl("jdbc:postgresql://db/guidance", Map.of()));
  }

  @Test
  void a_password_in_the_url_is_refused_without_repeating_it() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseConfig.fromUrl("jdbc:postgresql://db/guidance?user=app&password=s3cret", Map.of()));
    assertEquals("The database URL must not carry a password; set GUIDANCE_DATABASE_PASSWORD instead, got"
        + " 'jdbc:postgresql://db/guidance?user=app&password=***'.", e.getMessage());
  }
}
