package uk.safeguarding.guidance;

import java.nio.file.Path;
import java.util.Map;
import uk.safeguarding.guidance.http.TrustedProxies;

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
 */
public record AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute, boolean dense,
    int maxUploadMb, int retentionDays, boolean secureCookies, String trustedProxies) {

  public static final int DEFAULT_MAX_UPLOAD_MB = 20;
  public static final int DEFAULT_RETENTION_DAYS = 90;

  public static final String USAGE = String.join("\n",
      "Usage: java -jar guidance-assistant.jar [options]",
      "  --port N            HTTP port (env GUIDANCE_PORT, default 7070)",
      "  --host ADDRESS      interface to bind (env GUIDANCE_HOST, default 127.0.0.1; 0.0.0.0 for all)",
      "  --corpus DIR        corpus folder (env GUIDANCE_CORPUS, default ./corpus)",
      "  --data DIR          index and state folder (env GUIDANCE_DATA, default ./data)",
      "  --rate-limit N      API requests per minute per client (env GUIDANCE_RATE_LIMIT, default 300; 0 = off)",
      "  --dense on|off      hybrid retrieval with an in-process embedding model (env GUIDANCE_DENSE, default on)",
      "  --max-upload-mb N   largest document trainers may upload (env GUIDANCE_MAX_UPLOAD_MB, default 20)",
      "  --retention-days N  days feedback and unanswered questions are kept; 0 keeps no question text (env GUIDANCE_RETENTION_DAYS, default 90)",
      "  --secure-cookies on|off  always mark session cookies Secure (env GUIDANCE_SECURE_COOKIES, default off:",
      "                      Secure only over TLS or behind a trusted proxy sending X-Forwarded-Proto: https)",
      "  --trusted-proxies LIST  addresses or CIDR blocks of reverse proxies whose X-Forwarded-For/-Proto are",
      "                      believed (env GUIDANCE_TRUSTED_PROXIES, default none), e.g. 127.0.0.1,10.0.0.0/8",
      "",
      "  -h, --help          this text (COMMAND --help for a command's options)",
      "  --version           the version",
      "",
      "Commands: serve (default) | eval | add-trainer NAME [--data DIR] | add-token TRAINER LABEL [--data DIR] | help | version",
      "  add-trainer reads the password from env GUIDANCE_TRAINER_PASSWORD or prompts for it (at least 12 characters).");

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
    trustedProxies = trustedProxies == null ? "" : trustedProxies.strip();
    TrustedProxies.parse(trustedProxies); // fails now, with the bad entry named, rather than at the first request
    corpusDir = corpusDir.toAbsolutePath().normalize();
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** Settings with default upload limit, retention and cookie policy. */
  public AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute, boolean dense) {
    this(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, DEFAULT_MAX_UPLOAD_MB, DEFAULT_RETENTION_DAYS,
        false, "");
  }

  /** Settings with dense retrieval on. */
  public AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute) {
    this(host, port, corpusDir, dataDir, rateLimitPerMinute, true);
  }

  /** The same settings with another upload limit; for tests. */
  public AppConfig withMaxUploadMb(int mb) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, mb, retentionDays, secureCookies,
        trustedProxies);
  }

  /** The same settings behind the given proxies; for tests. */
  public AppConfig withTrustedProxies(String proxies) {
    return new AppConfig(host, port, corpusDir, dataDir, rateLimitPerMinute, dense, maxUploadMb, retentionDays,
        secureCookies, proxies);
  }

  /** The largest upload in bytes. */
  public long maxUploadBytes() {
    return maxUploadMb * 1024L * 1024L;
  }

  /** Reads flags (which win) and environment variables. */
  public static AppConfig from(String[] args, Map<String, String> env) {
    String host = env.getOrDefault("GUIDANCE_HOST", "127.0.0.1");
    String port = env.getOrDefault("GUIDANCE_PORT", "7070");
    String corpus = env.getOrDefault("GUIDANCE_CORPUS", "corpus");
    String data = env.getOrDefault("GUIDANCE_DATA", "data");
    String rate = env.getOrDefault("GUIDANCE_RATE_LIMIT", "300");
    String dense = env.getOrDefault("GUIDANCE_DENSE", "on");
    String maxUpload = env.getOrDefault("GUIDANCE_MAX_UPLOAD_MB", Integer.toString(DEFAULT_MAX_UPLOAD_MB));
    String retention = env.getOrDefault("GUIDANCE_RETENTION_DAYS", Integer.toString(DEFAULT_RETENTION_DAYS));
    String secure = env.getOrDefault("GUIDANCE_SECURE_COOKIES", "off");
    String proxies = env.getOrDefault("GUIDANCE_TRUSTED_PROXIES", "");
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("The option '" + flag + "' needs a value.");
      }
      String value = args[++i];
      switch (flag) {
        case "--host" -> host = value;
        case "--port" -> port = value;
        case "--corpus" -> corpus = value;
        case "--data" -> data = value;
        case "--rate-limit" -> rate = value;
        case "--dense" -> dense = value;
        case "--max-upload-mb" -> maxUpload = value;
        case "--retention-days" -> retention = value;
        case "--secure-cookies" -> secure = value;
        case "--trusted-proxies" -> proxies = value;
        default -> throw new IllegalArgumentException("Unknown option '" + flag + "'.");
      }
    }
    return new AppConfig(host, integer("port", port), Path.of(corpus), Path.of(data), integer("rate-limit", rate),
        onOff("dense", dense), integer("max-upload-mb", maxUpload), integer("retention-days", retention),
        onOff("secure-cookies", secure), proxies);
  }

  private static boolean onOff(String name, String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("The " + name + " setting must be 'on' or 'off', got '" + value + "'.");
    };
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The " + name + " must be a whole number, got '" + value + "'.", e);
    }
  }
}
