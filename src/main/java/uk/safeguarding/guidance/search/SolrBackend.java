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
 * {@link Fusion}: two requests per search at most. The match set is the words' matches and the
 * neighbours similar enough to count; the words' request also counts which of those neighbours it
 * matches, and per document when facets or documents are wanted, so the total needs no request of
 * its own. The facet values themselves come from the leased library's catalog, as in embedded mode,
 * so both backends answer with the same numbers. Passages are resolved by id in the leased library, which
 * holds the text: Solr stores only ids. Thread-safe.
 */
public final class SolrBackend implements SearchBackend {

  /** Separates ids in a {@code terms} query; never part of a passage id (ids are slugs and '#'). */
  static final String ID_SEPARATOR = "\u001f";
  /** The facet of matching passages per document. */
  private static final String DOCS = "docs";
  /** The facet of the similar neighbours the words match too. */
  private static final String OVERLAP = "similarWords";
  /**
   * Searches at once when thousands are run (training): each waits mostly on the network and on a node,
   * and the nodes answer several at once, so one per core here leaves both idle much of the time.
   */
  static final int SEARCHES_AT_ONCE = 8;

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
  public int searchesAtOnce() {
    return SEARCHES_AT_ONCE;
  }

  @Override
  public boolean dense(Library library) {
    return library.dense(); // the collection is built from the library, with vectors when it has them
  }

  @Override
  public Ranking rank(Library library, Retrieval r) {
    List<Fusion.Hit<String>> near = r.vector() == null ? List.of() : nearest(r);
    // The match set is the words' matches and the neighbours similar enough to count, as embedded.
    List<String> similar = near.stream().filter(h -> Fusion.similarEnough(h.score())).map(Fusion.Hit::key).toList();
    boolean perDocCounts = r.facets() || r.perDocument();

    JsonObject lexical = request(SolrQueries.toJson(r.query()), r.depth());
    lexical.addProperty("sort", "score desc, id asc"); // ties by passage id, as embedded
    JsonObject facet = new JsonObject();
    if (perDocCounts) {
      facet.add(DOCS, perDocumentFacet());
    }
    if (!similar.isEmpty()) {
      // Which similar neighbours match the words too, counted in the words' own request (not a third).
      JsonObject params = new JsonObject();
      params.addProperty("similar", String.join(ID_SEPARATOR, similar));
      params.addProperty("separator", ID_SEPARATOR);
      lexical.add("params", params);
      JsonObject overlap = new JsonObject();
      overlap.addProperty("type", "query");
      overlap.addProperty("q", "{!terms f=id separator=$separator v=$similar}");
      if (perDocCounts) {
        JsonObject sub = new JsonObject();
        sub.add(DOCS, perDocumentFacet());
        overlap.add("facet", sub);
      }
      facet.add(OVERLAP, overlap);
    }
    if (facet.size() > 0) {
      lexical.add("facet", facet);
    }
    JsonObject answer = select(lexical);
    List<Fusion.Hit<String>> lexHits = hits(answer);
    long wordMatches = numFound(answer);
    JsonObject facets = answer.has("facets") ? answer.getAsJsonObject("facets") : new JsonObject();
    JsonObject overlap = facets.has(OVERLAP) ? facets.getAsJsonObject(OVERLAP) : new JsonObject();
    long matches = wordMatches + similar.size() - (overlap.has("count") ? overlap.get("count").getAsLong() : 0);
    int[] perDoc = perDocCounts ? perDocument(library, facets, overlap, similar) : null;

    List<Ranked> ranked = r.vector() == null ? plain(library, lexHits)
        : fused(library, lexHits, (int) Math.min(Integer.MAX_VALUE, wordMatches), near, r.vector());
    int total = r.perDocument() ? (int) java.util.Arrays.stream(perDoc).filter(n -> n > 0).count()
        : (int) Math.min(Integer.MAX_VALUE, matches);
    boolean cut = lexHits.size() == r.depth() && r.depth() < matches;
    return new Ranking(ranked, total, r.facets() ? Facets.count(library, perDoc, r.perDocument()) : null, cut);
  }

  /**
   * Each document's count of matching passages: the words' matches per document, plus the similar
   * neighbours (their documents known from the library), less those among them the words match too.
   */
  private static int[] perDocument(Library library, JsonObject facets, JsonObject overlap, List<String> similar) {
    int[] counts = buckets(library, facets);
    int[] both = buckets(library, overlap);
    for (String id : similar) {
      Passage p = library.passage(id);
      int ordinal = p == null ? -1 : library.documentOrdinal(p.docId());
      if (ordinal >= 0) { // a passage of another library generation, mid-switch: left out
        counts[ordinal]++;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] -= both[i];
    }
    return counts;
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
    return docs;
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

  /** Matching passages per document from a {@link #perDocumentFacet} under {@code facets}; zeros when absent. */
  private static int[] buckets(Library library, JsonObject facets) {
    int[] counts = new int[library.catalog().facets().size()];
    if (!facets.has(DOCS)) {
      return counts; // no match: Solr leaves the facet out
    }
    for (JsonElement b : facets.getAsJsonObject(DOCS).getAsJsonArray("buckets")) {
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
