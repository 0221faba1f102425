package uk.safeguarding.guidance.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Supplier;
import uk.safeguarding.guidance.search.SearchRequest;

/**
 * Finished {@code /api/search} responses, kept as the UTF-8 JSON bytes sent, so a repeated search skips
 * Lucene and JSON alike (as Solr's queryResultCache, which Solr ships on). Thread-safe.
 *
 * <p>An entry is keyed by everything that decides its body: the validated request (the query text as
 * searched, limit, offset, filters, facets, group, snippets) and what it runs on: the serving library's
 * content hash, which every upload, edit, retirement or hand edit of the corpus changes (it hashes every
 * file in the corpus folder, synonyms and glossary too), and the stamp of the reranker models that order
 * a hybrid search ({@code AskService.searchModels}). Both are read before the search runs, so a library
 * swapped in meanwhile can only make an entry newer than its key says, never older; a key naming a
 * replaced library is never asked for again and ages out. A response that is not a 200 (a 400 for a bad
 * parameter, a 503 while the index builds) is thrown as an exception before anything is stored.
 *
 * <p>Personal data: the search API searches the words as given, unmasked (masking would change what is
 * found, and the body echoes them back), so a key and its body may hold a name a practitioner typed.
 * They stay in this process's memory only, never on disk or in a log, for {@link #EXPIRY} at most;
 * {@code --search-cache-mb 0} keeps nothing.
 *
 * <p>Not used with SolrCloud: there the results come from the engine's alias, which can lag behind the
 * library this replica has swapped in, so the library's hash would not say what was searched.
 */
final class SearchCache {

  /** The default bound: about a thousand 16 KB pages of ten passages. */
  static final int DEFAULT_MB = 16;
  /** Short, since a query may hold personal data; long enough for a burst of popular searches. */
  static final Duration EXPIRY = Duration.ofMinutes(10);
  /** What an entry holds beyond its body and query text: key, request, filters and Caffeine's node. */
  static final int ENTRY_OVERHEAD = 256;

  /** What a response depends on: the request, the library it searches and the models that reorder it. */
  record Key(SearchRequest request, String library, String models) {}

  /** Null when off. */
  private final Cache<Key, byte[]> responses;
  private final Supplier<String> library;
  private final Supplier<String> models;

  /**
   * @param maxBytes at most this many bytes of bodies and keys (0: off, nothing kept)
   * @param library  the serving library's content hash
   * @param models   the stamp of the models that reorder a search ("" for none)
   */
  SearchCache(long maxBytes, Supplier<String> library, Supplier<String> models) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("The search cache size must not be negative, got " + maxBytes + ".");
    }
    this.library = library;
    this.models = models;
    this.responses = maxBytes == 0 ? null
        : Caffeine.newBuilder().maximumWeight(maxBytes).weigher(SearchCache::weight).expireAfterWrite(EXPIRY)
            .recordStats().build();
  }

  static long megabytes(int mb) {
    return mb * 1024L * 1024L;
  }

  boolean enabled() {
    return responses != null;
  }

  /**
   * Sends the body for {@code request}: the cached bytes, or {@code response} serialised now (and kept).
   * Either way {@code application/json} in UTF-8, as {@link Utf8Json#send} writes it.
   */
  void send(Context ctx, SearchRequest request, Supplier<Object> response) {
    if (responses == null) {
      Utf8Json.send(ctx, response.get()); // off: written as before, without the copy a kept body needs
      return;
    }
    Utf8Json.send(ctx, body(request, response));
  }

  /** The body for {@code request}: the cached bytes, or {@code response}'s serialised now and kept. */
  byte[] body(SearchRequest request, Supplier<Object> response) {
    if (responses == null) {
      return Utf8Json.bytes(response.get());
    }
    Key key = new Key(request, library.get(), models.get());
    byte[] body = responses.getIfPresent(key);
    if (body == null) {
      // Not Cache.get(key, loader): that would hold a lock of the map while Lucene runs; two requests
      // racing for one new key both search, and the second's equal body replaces the first's.
      body = Utf8Json.bytes(response.get());
      responses.put(key, body);
    }
    return body;
  }

  /** The cache itself, for its hit and miss counts in {@link Metrics}; null when off. */
  Cache<Key, byte[]> responses() {
    return responses;
  }

  /**
   * Bytes held now, by the weigher's count (0 when off). Caffeine counts an entry's weight in its
   * maintenance, which runs later on the common pool (late while that pool trains models), so the
   * pending maintenance is run first: a scrape right after a search sees it.
   */
  long bytes() {
    if (responses == null) {
      return 0;
    }
    responses.cleanUp();
    return responses.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  private static int weight(Key key, byte[] body) {
    return body.length + ENTRY_OVERHEAD + 2 * key.request().query().length();
  }
}
