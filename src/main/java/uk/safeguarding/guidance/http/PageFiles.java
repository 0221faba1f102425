package uk.safeguarding.guidance.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The page's own files ({@code web/} in the jar: the chat page, its scripts and styles, the
 * trainers' pages, the OpenAPI document), read once at start and served from memory with an ETag.
 *
 * <p>Javalin's static-file handler served them through Jetty, which mounted the whole jar as a zip
 * file system to do so, four times over, each mount holding the jar's directory of some 18,000
 * entries: about 19 MB of live heap for 150 KB of files, for the life of the process (a third of
 * the BM25-only server's live heap; BENCHMARKS §10).
 */
final class PageFiles {

  /** Where the files are in the jar (and under target/classes when run from the build). */
  static final String FOLDER = "web";
  /** Served for "/". */
  static final String HOME = "index.html";
  /**
   * The browser asks again every time and gets a 304 while the file is unchanged: a new version of
   * the page is seen at once after an upgrade, at the cost of one small round trip.
   */
  static final String REVALIDATE = "no-cache";
  /** Hex digits of the content's SHA-256 in its ETag: enough to tell two versions of a file apart. */
  private static final int ETAG_HEX_DIGITS = 16;

  /** HTML pages, these and the server-made ones (the document view, sign-in, the dashboard), say their charset. */
  static final String HTML = "text/html; charset=utf-8";

  private static final Map<String, String> TYPES = Map.of(
      "html", HTML,
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "json", "application/json",
      "svg", "image/svg+xml");

  /** One file: its path under {@link #FOLDER}, bytes, media type and entity tag. */
  record File(String path, byte[] body, String type, String etag) {}

  private final Map<String, File> files;

  private PageFiles(Map<String, File> files) {
    this.files = Collections.unmodifiableMap(files);
  }

  /** Every file under {@code web/} on the class path, from the jar or from the build's classes folder. */
  static PageFiles fromClassPath() {
    URL home = PageFiles.class.getClassLoader().getResource(FOLDER + "/" + HOME);
    if (home == null) {
      throw new IllegalStateException("The page " + FOLDER + "/" + HOME + " is missing from the class path");
    }
    return from(home);
  }

  /** Every file in the folder that holds {@code home} ({@code jar:} or {@code file:}). */
  static PageFiles from(URL home) {
    Map<String, File> read = new TreeMap<>();
    try {
      if (home.getProtocol().equals("jar")) {
        readJar(home, read);
      } else {
        readFolder(Path.of(home.toURI()).getParent(), read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the page's files from " + home, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot read the page's files from " + home, e);
    }
    return new PageFiles(read);
  }

  private static void readJar(URL home, Map<String, File> into) throws IOException {
    JarURLConnection connection = (JarURLConnection) home.openConnection();
    // Its own handle, closed when read: the class loader's stays open, sharing the file's directory.
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.isDirectory() && entry.getName().startsWith(FOLDER + "/")) {
          String path = entry.getName().substring(FOLDER.length() + 1);
          try (InputStream in = jar.getInputStream(entry)) {
            into.put(path, file(path, in.readAllBytes()));
          }
        }
      }
    }
  }

  private static void readFolder(Path folder, Map<String, File> into) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String path = folder.relativize(p).toString().replace('\\', '/');
        into.put(path, file(path, Files.readAllBytes(p)));
      }
    }
  }

  private static File file(String path, byte[] body) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    return new File(path, body, TYPES.getOrDefault(extension, "application/octet-stream"), etag(body));
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest).substring(0, ETAG_HEX_DIGITS) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /** A file's text (UTF-8), for the pages the server fills in or serves behind sign-in. */
  String text(String path) {
    File f = files.get(path);
    if (f == null) {
      throw new IllegalStateException("The page " + FOLDER + "/" + path + " is missing from the jar");
    }
    return new String(f.body(), StandardCharsets.UTF_8);
  }

  /** The paths served, under {@code web/}. */
  Set<String> paths() {
    return files.keySet();
  }

  /**
   * A GET and a HEAD route per file, and "/" for the chat page. HEAD is routed on its own: Javalin's
   * answer to HEAD on a GET route is an empty 200 without the file's type, length or ETag.
   */
  void install(JavalinConfig config) {
    files.values().forEach(f -> route(config, "/" + f.path(), f));
    route(config, "/", files.get(HOME));
  }

  private static void route(JavalinConfig config, String path, File f) {
    config.routes.get(path, ctx -> serve(ctx, f));
    config.routes.head(path, ctx -> serve(ctx, f));
  }

  private static void serve(Context ctx, File f) {
    ctx.header(Header.CACHE_CONTROL, REVALIDATE);
    ctx.header("ETag", f.etag());
    if (unchanged(ctx.header("If-None-Match"), f.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(f.type()).result(f.body());
  }

  /** Whether the browser's copy is this version (RFC 9110 §13.1.2: weak comparison, or "*"). */
  static boolean unchanged(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
