package uk.safeguarding.guidance.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.index.Analysis;

class SolrConfigsetTest {

  @Test
  void the_configset_carries_the_servers_own_stop_words_and_bm25_parameters_and_is_named_by_its_content()
      throws IOException {
    SolrConfigset set = SolrConfigset.of(Analysis.stopWords(), 1.2f, 0.75f);
    Map<String, String> zipped = unzip(set.zip());
    assertEquals(Set.of("solrconfig.xml", "schema.xml", "gap.txt", "stopwords.txt"), zipped.keySet());
    assertEquals(set.files(), zipped);

    Set<String> stop = new TreeSet<>();
    zipped.get("stopwords.txt").lines().filter(l -> !l.startsWith("#")).forEach(stop::add);
    assertEquals(new TreeSet<>(Analysis.stopWords()), stop, "the same words dropped in both engines");
    assertTrue(zipped.get("schema.xml").contains("<float name=\"k1\">1.2</float>"));
    assertTrue(zipped.get("schema.xml").contains("<float name=\"b\">0.75</float>"));
    assertTrue(zipped.get("solrconfig.xml").contains("ExactStatsCache"), "collection-wide BM25 statistics");

    assertEquals(set.name(), SolrConfigset.of(Analysis.stopWords(), 1.2f, 0.75f).name(), "stable for the same content");
    assertNotEquals(set.name(), SolrConfigset.of(Analysis.stopWords(), 1.2f, 0.5f).name(), "new content, new name");
    assertTrue(set.name().matches("guidance-[0-9a-f]{12}"), set.name());
  }

  @Test
  void settings_refuse_bad_urls_and_shapes_naming_the_option() {
    assertEquals("The solr-shards must be between 1 and 64, got 0.",
        assertThrows(IllegalArgumentException.class, () -> new SolrSettings("http://s:8983/solr", 0, 2)).getMessage());
    assertEquals("The solr-replicas must be between 1 and 64, got 65.",
        assertThrows(IllegalArgumentException.class, () -> new SolrSettings("http://s:8983/solr", 2, 65)).getMessage());
    assertEquals("A Solr URL must start with http:// or https://, not 'zk1:2181'",
        assertThrows(IllegalArgumentException.class, () -> new SolrSettings("zk1:2181", 2, 2)).getMessage());
    assertEquals("At least one Solr URL is needed",
        assertThrows(IllegalArgumentException.class, () -> new SolrSettings(" , ", 2, 2)).getMessage());
    assertEquals(2, SolrNodes.parse("http://a:8983/solr/, http://b:8983/solr").urls().size());
  }

  @Test
  void no_node_answering_is_an_unavailable_engine_naming_each_node() {
    SolrNodes nodes = SolrNodes.parse("http://127.0.0.1:9/solr,http://127.0.0.1:9/solr2"); // discard port: refused
    SolrNodes.SolrUnavailableException e = assertThrows(SolrNodes.SolrUnavailableException.class,
        () -> nodes.get("/admin/collections", Map.of("action", "LIST"), SolrNodes.REQUEST_TIMEOUT));
    assertTrue(e.getMessage().startsWith("No Solr node answered /admin/collections: [http://127.0.0.1:9/solr: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("http://127.0.0.1:9/solr2: "), e.getMessage());
  }

  static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
