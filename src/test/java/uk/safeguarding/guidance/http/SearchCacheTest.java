package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchRequest;

/** The search response cache on its own: its byte bound and what its key holds (HTTP: SearchCacheApiTest). */
class SearchCacheTest {

  /** A body of about {@code bytes} bytes once serialised. */
  record Body(String text) {

    static Body of(int bytes) {
      return new Body("x".repeat(bytes));
    }
  }

  final AtomicInteger made = new AtomicInteger();

  Supplier<Object> counted(Object body) {
    return () -> {
      made.incrementAndGet();
      return body;
    };
  }

  static SearchRequest request(String q) {
    return new SearchRequest(q, 10, 0, Filters.NONE);
  }

  @Test
  void the_cache_holds_no_more_bytes_than_its_bound_and_evicts_to_stay_within_it() {
    SearchCache cache = new SearchCache(SearchCache.megabytes(1), () -> "library", () -> "");
    for (int i = 0; i < 40; i++) {
      cache.body(request("query " + i), counted(Body.of(64 * 1024)));
    }
    cache.responses().cleanUp();
    long kept = cache.responses().estimatedSize();
    assertTrue(cache.bytes() <= SearchCache.megabytes(1), cache.bytes() + " bytes");
    assertTrue(kept >= 10 && kept <= 16, kept + " entries of 64 KB in 1 MiB");
    assertTrue(cache.bytes() >= kept * 64 * 1024, "each entry weighs at least its body: " + cache.bytes());
  }

  @Test
  void a_repeated_request_is_made_once_and_answered_with_the_same_bytes() {
    SearchCache cache = new SearchCache(SearchCache.megabytes(1), () -> "library", () -> "");
    byte[] first = cache.body(request("neglect"), counted(Body.of(10)));
    byte[] second = cache.body(request("neglect"), counted(Body.of(99)));
    assertEquals(1, made.get());
    assertArrayEquals(first, second);
    assertArrayEquals(Utf8Json.bytes(Body.of(10)), second);
  }

  @Test
  void a_new_library_or_new_reranker_models_make_a_new_entry() {
    AtomicReference<String> library = new AtomicReference<>("hash-1");
    AtomicReference<String> models = new AtomicReference<>("");
    SearchCache cache = new SearchCache(SearchCache.megabytes(1), library::get, models::get);
    cache.body(request("neglect"), counted(Body.of(10)));
    library.set("hash-2");
    assertArrayEquals(Utf8Json.bytes(Body.of(20)), cache.body(request("neglect"), counted(Body.of(20))));
    models.set("hash-2+examples");
    assertArrayEquals(Utf8Json.bytes(Body.of(30)), cache.body(request("neglect"), counted(Body.of(30))));
    assertEquals(3, made.get());
  }

  @Test
  void every_field_of_the_request_is_part_of_the_key() {
    SearchCache cache = new SearchCache(SearchCache.megabytes(1), () -> "library", () -> "");
    Filters annual = new Filters(java.util.Set.of("annual report"), null, null, null);
    SearchRequest[] distinct = {request("neglect"), request("Neglect"), new SearchRequest("neglect", 5, 0, null),
        new SearchRequest("neglect", 10, 10, null), new SearchRequest("neglect", 10, 0, annual),
        new SearchRequest("neglect", 10, 0, null, false, SearchRequest.Group.PASSAGE),
        new SearchRequest("neglect", 10, 0, null, true, SearchRequest.Group.DOCUMENT),
        new SearchRequest("neglect", 10, 0, null, true, SearchRequest.Group.PASSAGE, false)};
    for (SearchRequest r : distinct) {
      cache.body(r, counted(Body.of(10)));
    }
    assertEquals(distinct.length, made.get());
  }

  @Test
  void with_no_bytes_the_cache_is_off_and_every_request_is_made() {
    SearchCache cache = new SearchCache(0, () -> "library", () -> "");
    cache.body(request("neglect"), counted(Body.of(10)));
    cache.body(request("neglect"), counted(Body.of(10)));
    assertEquals(2, made.get());
    assertFalse(cache.enabled());
    assertEquals(0, cache.bytes());
  }

  @Test
  void a_negative_size_is_refused_with_the_value() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SearchCache(-1, () -> "", () -> ""));
    assertEquals("The search cache size must not be negative, got -1.", e.getMessage());
  }
}
