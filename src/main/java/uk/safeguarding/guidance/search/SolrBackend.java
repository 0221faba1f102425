package uk.safeguarding.guidance.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.lucene.search.Query;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.solr.SolrCollections;
import uk.safeguarding.guidance.solr.SolrNodes;

/**
 * Ranks in SolrCloud, through the alias of the current collection ({@link SolrCollections#ALIAS}):
 * the words as the same query the embedded index runs ({@link SolrQueries}), the question's
 * vector through the {@code knn} parser with the filters as pre-filters, fused here by
 * {@link Fusion}. When the count of matches or facets is wanted beyond the words alone (hybrid), a
 * third request counts the words' matches and the similar neighbours together, per document; the
 * facet values themselves come from the leased library's catalog, as in embedded mode, so both
 * backends answer with the same numbers. Passages are resolved by id in the leased library, which
 * holds the text: Solr stores only ids. Thread-safe.
 */
public final class SolrBackend implements SearchBackend {

  /** Separates ids in a {@code terms} query; never part of a passage id (ids are slugs and '#'). */
  static final String ID_SEPARATOR = "\u001f";

  private final SolrNodes nodes;
  private final SolrCollections collections;

  public SolrBackend(SolrNodes nodes) {
    this.nodes = nodes;
    this.collections = new SolrCollections(nodes);
  }

  @Override
  public Engine engine() {
    int reachable = nodes.reachable();
    if (reachable == 0) {
      return new Engine("solrcloud", "unavailable", "no Solr node answers (" + nodes.urls().size() + " configured)");
    }
    String serving = collections.aliased().orElse("no collection yet");
    return new Engine("solrcloud", "ready", reachable + " of " + nodes.urls().size() + " nodes answer; serving "
        + serving);
  }

  @Override
  public boolean dense(Library library) {
    return library.dense(); // the collection is built from the library, with vectors when it has them
  }

  @Override
  public Ranking rank(Library library, Retrieval r) {
    JsonElement words = SolrQueries.toJson(r.query());
    List<Fusion.Hit<String>> near = r.vector() == null ? List.of() : nearest(r);
    boolean countApart = r.vector() != null;
    boolean perDocCounts = r.facets() || r.perDocument();

    JsonObject lexical = request(words, r.depth());
    lexical.addProperty("sort", "score desc, id asc"); // ties by passage id, as embedded
    if (!countApart && perDocCounts) {
      lexical.add("facet", perDocumentFacet());
    }
    JsonObject answer = select(lexical);
    List<Fusion.Hit<String>> lexHits = hits(answer);
    long wordMatches = numFound(answer);

    JsonObject counted = answer;
    if (countApart) {
      // The match set is the words' matches and the similar neighbours: count both at once.
      JsonArray any = new JsonArray();
      any.add(words);
      List<String> similar = near.stream().filter(h -> Fusion.similarEnough(h.score())).map(Fusion.Hit::key).toList();
      if (!similar.isEmpty()) {
        JsonObject ids = new JsonObject();
        ids.addProperty("f", "id");
        ids.addProperty("separator", ID_SEPARATOR);
        ids.addProperty("query", String.join(ID_SEPARATOR, similar));
        JsonObject terms = new JsonObject();
        terms.add("terms", ids);
        any.add(terms);
      }
      JsonObject should = new JsonObject();
      should.add("should", any);
      JsonObject bool = new JsonObject();
      bool.add("bool", should);
      JsonObject count = request(bool, 0);
      if (perDocCounts) {
        count.add("facet", perDocumentFacet());
      }
      counted = select(count);
    }
    long matches = numFound(counted);
    int[] perDoc = perDocCounts ? perDocument(library, counted) : null;

    List<Ranked> ranked = r.vector() == null ? plain(library, lexHits)
        : fused(library, lexHits, (int) Math.min(Integer.MAX_VALUE, wordMatches), near, r.vector());
    int total = r.perDocument() ? (int) java.util.Arrays.stream(perDoc).filter(n -> n > 0).count()
        : (int) Math.min(Integer.MAX_VALUE, matches);
    boolean cut = lexHits.size() == r.depth() && r.depth() < matches;
    return new Ranking(ranked, total, r.facets() ? Facets.count(library, perDoc, r.perDocument()) : null, cut);
  }

  /** The nearest passages to the question's vector within the filters, best first. */
  private List<Fusion.Hit<String>> nearest(Retrieval r) {
    StringBuilder vector = new StringBuilder("{!knn f=vector topK=" + r.depth() + "}[");
    for (int i = 0; i < r.vector().length; i++) {
      vector.append(i == 0 ? "" : ",").append(r.vector()[i]);
    }
    JsonObject knn = new JsonObject();
    knn.addProperty("query", vector.append(']').toString());
    knn.addProperty("limit", r.depth());
    knn.addProperty("fields", "id,score");
    Query filter = QueryFactory.filterOnly(r.filters());
    if (filter != null) {
      JsonArray filters = new JsonArray();
      filters.add(SolrQueries.toJson(filter)); // pre-filters of the knn search
      knn.add("filter", filters);
    }
    return hits(select(knn));
  }

  private static JsonObject request(JsonElement query, int limit) {
    JsonObject request = new JsonObject();
    request.add("query", query);
    request.addProperty("limit", limit);
    request.addProperty("fields", "id,score");
    return request;
  }

  /** Each matching document's count of matching passages: every bucket, since facets need them all. */
  private static JsonObject perDocumentFacet() {
    JsonObject docs = new JsonObject();
    docs.addProperty("type", "terms");
    docs.addProperty("field", "docId");
    docs.addProperty("limit", -1);
    docs.addProperty("sort", "index asc");
    JsonObject facet = new JsonObject();
    facet.add("docs", docs);
    return facet;
  }

  private JsonObject select(JsonObject request) {
    return nodes.postJson("/" + SolrCollections.ALIAS + "/select", request, SolrNodes.REQUEST_TIMEOUT);
  }

  private static long numFound(JsonObject answer) {
    return answer.getAsJsonObject("response").get("numFound").getAsLong();
  }

  private static List<Fusion.Hit<String>> hits(JsonObject answer) {
    List<Fusion.Hit<String>> out = new ArrayList<>();
    for (JsonElement d : answer.getAsJsonObject("response").getAsJsonArray("docs")) {
      JsonObject doc = d.getAsJsonObject();
      out.add(new Fusion.Hit<>(doc.get("id").getAsString(), doc.get("score").getAsFloat()));
    }
    return out;
  }

  private static int[] perDocument(Library library, JsonObject answer) {
    int[] counts = new int[library.catalog().facets().size()];
    JsonObject facets = answer.getAsJsonObject("facets");
    if (facets == null || !facets.has("docs")) {
      return counts; // no match: Solr leaves the facet out
    }
    for (JsonElement b : facets.getAsJsonObject("docs").getAsJsonArray("buckets")) {
      int ordinal = library.documentOrdinal(b.getAsJsonObject().get("val").getAsString());
      if (ordinal >= 0) {
        counts[ordinal] = b.getAsJsonObject().get("count").getAsInt();
      }
    }
    return counts;
  }

  private static List<Ranked> plain(Library library, List<Fusion.Hit<String>> hits) {
    List<Ranked> out = new ArrayList<>(hits.size());
    for (Fusion.Hit<String> h : hits) {
      Passage p = library.passage(h.key());
      if (p != null) { // a passage of another library generation, mid-switch: left out
        out.add(new Ranked(p, h.score(), OptionalDouble.empty()));
      }
    }
    return out;
  }

  private static List<Ranked> fused(Library library, List<Fusion.Hit<String>> words, int wordMatches,
      List<Fusion.Hit<String>> near, float[] vector) {
    Map<String, Double> fused = Fusion.fuse(words, wordMatches, near);
    List<Ranked> out = new ArrayList<>(fused.size());
    fused.forEach((id, score) -> {
      Passage p = library.passage(id);
      if (p != null) {
        float[] v = library.vector(id);
        out.add(new Ranked(p, score, v == null ? OptionalDouble.empty() : OptionalDouble.of(Vectors.dot(v, vector))));
      }
    });
    out.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(x -> x.passage().id()));
    return out;
  }
}
