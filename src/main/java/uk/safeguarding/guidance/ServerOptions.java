package uk.safeguarding.guidance;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import uk.safeguarding.guidance.solr.SolrSettings;
import uk.safeguarding.guidance.store.DatabaseConfig;

/**
 * The server's options, shared by the bare command and {@code serve}. Each option falls back to the
 * environment variable named after it ({@code --rate-limit} → {@code GUIDANCE_RATE_LIMIT}, see
 * {@link EnvDefaults}), then to its default. Not thread-safe: filled once by picocli.
 */
final class ServerOptions {

  @Option(names = "--port", paramLabel = "N", defaultValue = "7070",
      description = "HTTP port; 0 picks a free one (env GUIDANCE_PORT, default 7070)")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "interface to bind; 0.0.0.0 for all (env GUIDANCE_HOST, default 127.0.0.1)")
  String host;

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus",
      description = "corpus folder (env GUIDANCE_CORPUS, default ./corpus)")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
      description = "index and state folder (env GUIDANCE_DATA, default ./data)")
  Path data;

  @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "300",
      description = "API requests per minute per client; 0 = off (env GUIDANCE_RATE_LIMIT, default 300)")
  int rateLimit;

  @Option(names = "--dense", paramLabel = "on|off", arity = "1", defaultValue = "on", converter = OnOff.class,
      description = "hybrid retrieval with the in-process embedding model (env GUIDANCE_DENSE, default on)")
  boolean dense;

  @Option(names = "--max-upload-mb", paramLabel = "N", defaultValue = "" + AppConfig.DEFAULT_MAX_UPLOAD_MB,
      description = "largest document trainers may upload (env GUIDANCE_MAX_UPLOAD_MB, default 20)")
  int maxUploadMb;

  @Option(names = "--retention-days", paramLabel = "N", defaultValue = "" + AppConfig.DEFAULT_RETENTION_DAYS,
      description = "days feedback and unanswered questions are kept; 0 keeps no question text "
          + "(env GUIDANCE_RETENTION_DAYS, default 90)")
  int retentionDays;

  @Option(names = "--secure-cookies", paramLabel = "on|off", arity = "1", defaultValue = "off",
      converter = OnOff.class,
      description = "always mark session cookies Secure (env GUIDANCE_SECURE_COOKIES, default off: Secure only "
          + "over TLS or behind a trusted proxy sending X-Forwarded-Proto: https)")
  boolean secureCookies;

  @Option(names = "--trusted-proxies", paramLabel = "LIST",
      description = "addresses or CIDR blocks of reverse proxies whose X-Forwarded-For/-Proto are believed, "
          + "e.g. 127.0.0.1,10.0.0.0/8 (env GUIDANCE_TRUSTED_PROXIES, default none)")
  String trustedProxies;

  @Option(names = "--database", paramLabel = "URL",
      description = "a PostgreSQL that replicas share, e.g. jdbc:postgresql://db:5432/guidance; user and password "
          + "from env " + DatabaseConfig.USER_ENV + " and " + DatabaseConfig.PASSWORD_ENV
          + ", never here (env GUIDANCE_DATABASE, default an H2 file in the data folder)")
  String database;

  @Option(names = "--solr", paramLabel = "URLS",
      description = "search in SolrCloud instead of in this process: the nodes' base URLs, comma-separated, e.g. "
          + "http://solr1:8983/solr,http://solr2:8983/solr (env GUIDANCE_SOLR, default none: embedded Lucene)")
  String solr;

  @Option(names = "--solr-shards", paramLabel = "N", defaultValue = "" + SolrSettings.DEFAULT_SHARDS,
      description = "shards of each collection the server creates in SolrCloud (default ${DEFAULT-VALUE})")
  int solrShards;

  @Option(names = "--solr-replicas", paramLabel = "N", defaultValue = "" + SolrSettings.DEFAULT_REPLICAS,
      description = "copies of each shard, on different Solr nodes (default ${DEFAULT-VALUE})")
  int solrReplicas;

  @Option(names = "--search-cache-mb", paramLabel = "N", defaultValue = "" + AppConfig.DEFAULT_SEARCH_CACHE_MB,
      description = "MiB of finished /api/search responses kept for 10 minutes to answer repeated searches; 0 = off "
          + "(env GUIDANCE_SEARCH_CACHE_MB, default ${DEFAULT-VALUE}; not used with --solr)")
  int searchCacheMb;

  /** The settings, the database's credentials read from {@code env}; the record checks their ranges. */
  AppConfig config(Map<String, String> env) {
    DatabaseConfig db = database == null || database.isBlank() ? null : DatabaseConfig.fromUrl(database, env);
    return new AppConfig(host.strip(), port, corpus, data, rateLimit, dense, maxUploadMb, retentionDays,
        secureCookies, trustedProxies, db,
        solr == null || solr.isBlank() ? null : new SolrSettings(solr.strip(), solrShards, solrReplicas),
        searchCacheMb);
  }

  /** Reads flags (which win), then environment variables, then defaults; bad input is an IllegalArgumentException. */
  static AppConfig parse(String[] args, Map<String, String> env) {
    ServerOptions options = new ServerOptions();
    try {
      new CommandLine(options).setDefaultValueProvider(new EnvDefaults(env)).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return options.config(env);
  }

  /** {@code on}/{@code off} (also true/false, yes/no, 1/0) for a switch that takes a value. */
  static final class OnOff implements ITypeConverter<Boolean> {

    @Override
    public Boolean convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "on", "true", "yes", "1" -> true;
        case "off", "false", "no", "0" -> false;
        default -> throw new TypeConversionException("must be 'on' or 'off', got '" + value + "'.");
      };
    }
  }

  /**
   * The environment variable of each option, {@code GUIDANCE_} and the option's name in capitals:
   * {@code --max-upload-mb} → {@code GUIDANCE_MAX_UPLOAD_MB}. Unset, the option's default applies.
   */
  static final class EnvDefaults implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> env;

    EnvDefaults(Map<String, String> env) {
      this.env = env;
    }

    static String variable(OptionSpec option) {
      return "GUIDANCE_" + option.longestName().substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
      if (arg instanceof OptionSpec option && option.longestName().startsWith("--") && !option.usageHelp()
          && !option.versionHelp()) {
        String value = env.get(variable(option));
        return value == null ? option.defaultValue() : value.strip();
      }
      return arg.defaultValue();
    }
  }
}
