package uk.safeguarding.guidance;

import java.nio.file.Path;
import java.util.Map;
import uk.safeguarding.guidance.http.TrustedProxies;
import uk.safeguarding.guidance.http.WebServer;
import uk.safeguarding.guidance.solr.SolrSettings;
import uk.safeguarding.guidance.store.DatabaseConfig;

/**
 * Server settings from command-line flags, then environment variables, then defaults.
 *
 * @param host               interface to bind; 127.0.0.1 unless told otherwise
 * @param port               HTTP port; 0 picks a free one (tests)
 * @param corpusDir          the documents and synonyms file: the library's source of truth
 * @param dataDir            index and other state the server may rebuild
 * @param rateLimitPerMinute API requests per minute per client address; 0 turns the limit off
 * @param dense              fuse dense (embedding) retrieval with BM25; off for the smallest deployments
 * @param maxUploadMb        largest document a trainer may upload, in megabytes
 * @param retentionDays      feedback and unanswered questions older than this are deleted
 * @param secureCookies      always mark the trainer's session cookie Secure; otherwise only when the
 *                           request came over TLS (directly or as told by a trusted proxy's X-Forwarded-Proto)
 * @param trustedProxies     comma-separated addresses or CIDR blocks of reverse proxies whose
 *                           X-Forwarded-For and X-Forwarded-Proto are believed; "" for none
 * @param database           where feedback, the audit log, trainer accounts and sessions are kept:
 *                           null for the default, an H2 file under {@code dataDir}; or a PostgreSQL
 *                           that several replicas share. Its text form hides the password.
 * @param solr               null to search the library's own index in this process (the default), or
 *                           the SolrCloud that replicas share
 * @param searchCacheMb      MiB of finished search responses kept in memory for repeated searches; 0 for none
 */
public record AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute, boolean dense,
    int maxUploadMb, int retentionDays, boolean secureCookies, String trustedProxies, DatabaseConfig database,
    SolrSettings solr, int searchCacheMb) {

  public static final int DEFAULT_MAX_UPLOAD_MB = 20;
  public static final int DEFAULT_SEARCH_CACHE_MB = WebServer.DEFAULT_SEARCH_CACHE_MB;
  public static final int MAX_SEARCH_CACHE_MB = 4096;
  public static final int DEFAULT_RETENTION_DAYS = 90;

  public AppConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("The port must be between 0 and 65535, got " + port + ".");
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("The rate limit must not be negative, got " + rateLimitPerMinute + ".");
    }
    if (maxUploadMb < 1 || maxUploadMb > 500) {
      throw new IllegalArgumentException("The max-upload-mb must be between 1 and 500, got " + maxUploadMb + ".");
    }
    if (retentionDays < 0 || retentionDays > 3650) {
      throw new IllegalArgumentException("The retention-days must be between 0 and 3650, got " + retentionDays + ".");
    }
    if (searchCacheMb < 0 || searchCacheMb > MAX_SEARCH_CACHE_MB) {
      throw new IllegalArgumentException("The search-cache-mb must be between 0 and " + MAX_SEARCH_CACHE_MB + ", got "
          + searchCacheMb + ".");
    }
    trustedProxies = trustedProxies == null ? "" : trustedProxies.strip();
    TrustedProxies.parse(trustedProxies); // fails now, with the bad entry named, rather than at the first request
    corpusDir = corpusDir.toAbsolutePath().normalize();
    dataDir = dataDir.toAbsolutePath().normalize();
    database = database == null ? DatabaseConfig.h2Under(dataDir) : database;
  }

  /** Settings with default upload limit, retention and cookie policy. */
  public AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute, boolean dense) {
    this(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, DEFAULT_MAX_UPLOAD_MB, DEFAULT_RETENTION_DAYS,
        false, "", null, null, DEFAULT_SEARCH_CACHE_MB);
  }

  /** Settings with dense retrieval on. */
  public AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute) {
    this(host, port, corpusDir, dataDir, rateLimitPerMinute, true);
  }

  /** The same settings with another upload limit; for tests. */
  public AppConfig withMaxUploadMb(int mb) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, mb, retentionDays, secureCookies,
        trustedProxies, database, solr, searchCacheMb);
  }

  /** The same settings with another API rate limit (requests per minute per client); for tests. */
  public AppConfig withRateLimit(int perMinute) {
    return new AppConfig(host, port, corpusDir, dataDir, perMinute, dense, maxUploadMb, retentionDays, secureCookies,
        trustedProxies, database, solr, searchCacheMb);
  }

  /** The same settings behind the given proxies; for tests. */
  public AppConfig withTrustedProxies(String proxies) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, maxUploadMb, retentionDays,
        secureCookies, proxies, database, solr, searchCacheMb);
  }

  /** The same settings over another database, e.g. a shared PostgreSQL; for tests. */
  public AppConfig withDatabase(DatabaseConfig other) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, maxUploadMb, retentionDays,
        secureCookies, trustedProxies, other, solr, searchCacheMb);
  }

  /** The same settings searching in SolrCloud; for tests. */
  public AppConfig withSolr(SolrSettings other) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, maxUploadMb, retentionDays,
        secureCookies, trustedProxies, database, other, searchCacheMb);
  }

  /** The same settings with another search response cache size (0: none); for tests. */
  public AppConfig withSearchCacheMb(int mb) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, maxUploadMb, retentionDays,
        secureCookies, trustedProxies, database, solr, mb);
  }

  /** The largest upload in bytes. */
  public long maxUploadBytes() {
    return maxUploadMb * 1024L * 1024L;
  }

  /**
   * Reads flags (which win), then environment variables ({@code GUIDANCE_PORT} and the like), then
   * defaults. Bad input is an IllegalArgumentException naming the option and value.
   */
  public static AppConfig from(String[] args, Map<String, String> env) {
    return ServerOptions.parse(args, env);
  }
}
