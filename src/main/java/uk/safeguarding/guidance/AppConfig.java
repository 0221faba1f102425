package uk.safeguarding.guidance;

import java.nio.file.Path;
import java.util.Map;

/**
 * Server settings from command-line flags, then environment variables, then defaults.
 *
 * @param host               interface to bind; 127.0.0.1 unless told otherwise
 * @param port               HTTP port; 0 picks a free one (tests)
 * @param corpusDir          the documents and synonyms file: the library's source of truth
 * @param dataDir            index and other state the server may rebuild
 * @param rateLimitPerMinute API requests per minute per client address; 0 turns the limit off
 * @param dense              fuse dense (embedding) retrieval with BM25; off for the smallest deployments
 */
public record AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute, boolean dense) {

  public static final String USAGE = String.join("\n",
      "Usage: java -jar guidance-assistant.jar [options]",
      "  --port N            HTTP port (env GUIDANCE_PORT, default 7070)",
      "  --host ADDRESS      interface to bind (env GUIDANCE_HOST, default 127.0.0.1; 0.0.0.0 for all)",
      "  --corpus DIR        corpus folder (env GUIDANCE_CORPUS, default ./corpus)",
      "  --data DIR          index and state folder (env GUIDANCE_DATA, default ./data)",
      "  --rate-limit N      API requests per minute per client (env GUIDANCE_RATE_LIMIT, default 300; 0 = off)",
      "  --dense on|off      hybrid retrieval with an in-process embedding model (env GUIDANCE_DENSE, default on)");

  public AppConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("The port must be between 0 and 65535, got " + port + ".");
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("The rate limit must not be negative, got " + rateLimitPerMinute + ".");
    }
    corpusDir = corpusDir.toAbsolutePath().normalize();
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** Settings with dense retrieval on. */
  public AppConfig(String host, int port, Path corpusDir, Path dataDir, int rateLimitPerMinute) {
    this(host, port, corpusDir, dataDir, rateLimitPerMinute, true);
  }

  /** Reads flags (which win) and environment variables. */
  public static AppConfig from(String[] args, Map<String, String> env) {
    String host = env.getOrDefault("GUIDANCE_HOST", "127.0.0.1");
    String port = env.getOrDefault("GUIDANCE_PORT", "7070");
    String corpus = env.getOrDefault("GUIDANCE_CORPUS", "corpus");
    String data = env.getOrDefault("GUIDANCE_DATA", "data");
    String rate = env.getOrDefault("GUIDANCE_RATE_LIMIT", "300");
    String dense = env.getOrDefault("GUIDANCE_DENSE", "on");
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
        default -> throw new IllegalArgumentException("Unknown option '" + flag + "'.");
      }
    }
    return new AppConfig(host, integer("port", port), Path.of(corpus), Path.of(data), integer("rate-limit", rate),
        onOff("dense", dense));
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
