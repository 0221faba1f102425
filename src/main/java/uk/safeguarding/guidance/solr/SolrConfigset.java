package uk.safeguarding.guidance.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import uk.safeguarding.guidance.ops.Hashes;

/**
 * The configset the server uploads to SolrCloud: {@code solrconfig.xml}, {@code schema.xml} and
 * {@code gap.txt} from {@code src/main/resources/solr/conf}, with the stop words and the BM25
 * parameters written in from the server's own analysis, so the two engines cannot drift apart. Its
 * name carries a hash of its content: an upgraded server uploads a new configset beside the one the
 * running collection uses, never over it.
 */
public record SolrConfigset(String name, byte[] zip, Map<String, String> files) {

  static final String RESOURCE_DIR = "/solr/conf/";

  /** The configset for this stop-word list and these BM25 parameters. */
  public static SolrConfigset of(Iterable<String> stopWords, float k1, float b) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("solrconfig.xml", resource("solrconfig.xml"));
    files.put("schema.xml", resource("schema.xml")
        .replace("@K1@", Float.toString(k1)).replace("@B@", Float.toString(b)));
    files.put("gap.txt", resource("gap.txt"));
    StringBuilder stop = new StringBuilder("# Written by the server from its analysis (index/Analysis.STOP_WORDS)\n");
    TreeSet<String> sorted = new TreeSet<>();
    stopWords.forEach(w -> sorted.add(w.toLowerCase(Locale.ROOT)));
    sorted.forEach(w -> stop.append(w).append('\n'));
    files.put("stopwords.txt", stop.toString());
    byte[] zip = zip(files);
    return new SolrConfigset("guidance-" + sha256(files).substring(0, 12), zip, Map.copyOf(files));
  }

  private static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        ZipEntry entry = new ZipEntry(f.getKey());
        entry.setTime(0); // the same bytes every time for the same content
        zip.putNextEntry(entry);
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot zip the Solr configset", e);
    }
    return bytes.toByteArray();
  }

  private static String sha256(Map<String, String> files) {
    MessageDigest digest = Hashes.sha256();
    files.forEach((name, text) -> {
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String resource(String file) {
    try (InputStream in = SolrConfigset.class.getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("The Solr configset file " + RESOURCE_DIR + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE_DIR + file, e);
    }
  }
}
