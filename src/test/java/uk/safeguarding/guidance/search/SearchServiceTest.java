package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

class SearchServiceTest {

  @TempDir
  static Path data;
  static LibraryHolder holder = new LibraryHolder();
  static SearchService search;

  @BeforeAll
  static void index() {
    holder.swap(new IndexStore(data, CorpusReader.standard()).open(Path.of("src/test/resources/fixtures/mini")));
    search = new SearchService(holder);
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  private static List<String> ids(String q) {
    return search.search(SearchRequest.of(q, 10)).hits().stream().map(h -> h.passage().id()).toList();
  }

  @Test
  void an_acronym_finds_the_spelled_out_phrase_and_the_other_way_round() {
    assertEquals(List.of("injuries#bruising-in-non-mobile-babies"), ids("NAI"));
    assertEquals(List.of("enquiries#section-47-enquiries"), ids("s47"));
    assertEquals(List.of("enquiries#section-47-enquiries"), ids("S.47"));
    assertEquals(List.of("enquiries#looked-after-children"), ids("LAC"));
    assertEquals(List.of("enquiries#out-of-hours"), ids("EDT"));
    assertEquals(List.of("enquiries#out-of-hours"), ids("out of hours"));
  }

  @Test
  void everyday_words_find_the_field_vocabulary() {
    assertEquals(List.of("injuries#fathers"), ids("dad not in the assessment"));
    assertEquals(List.of("injuries#fathers"), ids("male carer"));
  }

  @Test
  void stemming_and_possessives_match_other_forms() {
    assertEquals(List.of("injuries#fathers"), ids("fathers"));
    // The title "Injuries to Babies" matches every passage of that document; the body match ranks first.
    assertEquals(List.of("injuries#bruising-in-non-mobile-babies", "injuries#fathers"), ids("baby's bruises"));
  }

  @Test
  void quoted_phrases_must_match_as_phrases() {
    assertEquals(List.of("enquiries#section-47-enquiries"), ids("\"strategy discussions\""));
    assertEquals(List.of(), ids("\"discussions strategy\""));
  }

  @Test
  void lucene_syntax_is_plain_text_and_never_fails() {
    for (String q : List.of("AND (", "\"unclosed", "*", "~", "\\", "title:foo OR", "a && b || !c", "[1 TO 5]", "{}",
        "/regex/", "^2")) {
      SearchResults r = search.search(SearchRequest.of(q, 5));
      assertTrue(r.total() >= 0, q);
    }
    assertEquals(List.of("enquiries#looked-after-children"), ids("\"looked after"));
  }

  @Test
  void filters_restrict_results_and_facets_count_all_matches() {
    SearchResults all = search.search(SearchRequest.of("children", 10));
    assertEquals(1, all.total());
    SearchResults filtered = search.search(new SearchRequest("social worker OR father", 10, 0,
        new Filters(Set.of("Learning Review"), Set.of(), Set.of(), Set.of())));
    assertEquals(List.of("injuries#fathers"), filtered.hits().stream().map(h -> h.passage().id()).toList());
    SearchResults byYear = search.search(new SearchRequest("social worker OR father", 10, 0,
        new Filters(Set.of(), Set.of(), Set.of(), Set.of("2017"))));
    assertEquals(List.of("enquiries#looked-after-children"),
        byYear.hits().stream().map(h -> h.passage().id()).toList());
    SearchResults both = search.search(SearchRequest.of("baby children", 10));
    assertEquals(Map.of("annual report", 1, "learning review", 2), both.facets().get("documentType"));
    assertEquals(Map.of("2017", 1, "2020", 2), both.facets().get("year"));
    assertEquals(List.of("learning review", "annual report"), List.copyOf(both.facets().get("documentType").keySet()));
  }

  @Test
  void snippets_mark_matched_words_and_escape_everything_else() {
    SearchHit hit = search.search(SearchRequest.of("bruise <script>", 1)).hits().get(0);
    assertTrue(hit.snippet().contains("Any <mark>bruise</mark> on a baby"), hit.snippet());
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Snippets.escape("a <b> & \"c\" 'd'"));
  }

  @Test
  void the_offsets_in_the_index_mark_the_same_words_as_analysing_the_passage_again() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      List<Passage> passages = library.allPassages();
      int marked = 0;
      for (String q : List.of("baby's bruises", "dad not in the assessment", "NAI", "\"strategy discussions\"",
          "out of hours", "s47 looked after children")) {
        Set<String> terms = Snippets.terms(QueryFactory.build(q, library.analysis(), Filters.NONE));
        // Ranked elsewhere (no document numbers): each passage is found in the index by its id.
        List<SearchBackend.Ranked> page =
            passages.stream().map(p -> new SearchBackend.Ranked(p, 0, OptionalDouble.empty())).toList();
        List<List<int[]>> fromIndex = BodyOffsets.matches(library, page, terms).orElseThrow();
        for (int i = 0; i < passages.size(); i++) {
          String text = passages.get(i).text();
          List<int[]> analysed = Snippets.matches(text, terms, library.analysis().index());
          assertEquals(ranges(analysed), ranges(fromIndex.get(i)), q + " in " + passages.get(i).id());
          marked += analysed.size();
        }
      }
      assertTrue(marked > 10, "only " + marked + " words marked in all");
    }
  }

  private static List<String> ranges(List<int[]> ranges) {
    return ranges.stream().map(r -> r[0] + "-" + r[1]).toList();
  }

  @Test
  void paging_returns_the_requested_slice_in_a_stable_order() {
    List<String> firstTwo = search.search(new SearchRequest("the children baby father enquiries", 2, 0, null)).hits()
        .stream().map(h -> h.passage().id()).toList();
    List<String> next = search.search(new SearchRequest("the children baby father enquiries", 2, 2, null)).hits()
        .stream().map(h -> h.passage().id()).toList();
    assertEquals(2, firstTwo.size());
    assertTrue(next.stream().noneMatch(firstTwo::contains));
  }

  @Test
  void a_synonym_rule_with_stop_words_never_makes_a_query_find_less(@TempDir Path withRules, @TempDir Path without,
      @TempDir Path indexes) throws Exception {
    uk.safeguarding.guidance.TestApp.copyMiniCorpus(withRules);
    uk.safeguarding.guidance.TestApp.copyMiniCorpus(without);
    java.nio.file.Files.delete(without.resolve("synonyms.txt"));
    java.nio.file.Files.writeString(withRules.resolve("synonyms.txt"),
        "\ndna, did not attend, was not brought, no show\n"
            + "ooh, out of the hours, out of hours\n",
        java.nio.file.StandardOpenOption.APPEND);
    LibraryHolder rules = new LibraryHolder();
    LibraryHolder plain = new LibraryHolder();
    rules.swap(new IndexStore(indexes.resolve("a"), CorpusReader.standard()).open(withRules));
    plain.swap(new IndexStore(indexes.resolve("b"), CorpusReader.standard()).open(without));
    try {
      SearchService withSynonyms = new SearchService(rules);
      SearchService alone = new SearchService(plain);
      for (String q : List.of("out of hours", "was not brought", "the child did not attend", "no show at the enquiry",
          "section 47 enquiries", "bruising", "what to do out of the hours")) {
        Set<String> found = new java.util.HashSet<>(ids(withSynonyms, q));
        assertTrue(found.containsAll(ids(alone, q)), q + ": " + found + " lacks some of " + ids(alone, q));
      }
      assertEquals(ids(withSynonyms, "out of hours"), ids(withSynonyms, "OOH"),
          "the acronym finds what the phrase finds");
    } finally {
      rules.close();
      plain.close();
    }
  }

  private static List<String> ids(SearchService service, String q) {
    return service.search(SearchRequest.of(q, 10)).hits().stream().map(h -> h.passage().id()).toList();
  }

  @Test
  void slips_of_the_keyboard_are_put_right_against_the_librarys_words_and_real_words_are_left_alone() {
    assertEquals("the strategy discussions were timely", search.correctSpelling("the stratgey discusions were timely"));
    assertEquals("Looked after children seen alone", search.correctSpelling("Looked after chidlren seen alone"));
    assertEquals("jabs and passport for the PLO", search.correctSpelling("jabs and passport for the PLO"),
        "English words and acronyms the library lacks say what the question is about");
    assertEquals("wat abt s47", search.correctSpelling("wat abt s47"), "short words are too ambiguous to correct");
    assertEquals("was the Emergency Duty Team called?", search.correctSpelling("was the EDT called?"),
        "an acronym the library never uses, whose name it writes out");
  }

  @Test
  void the_library_uses_its_own_words_and_lower_case_slips_of_them_but_not_names_or_other_english() {
    assertTrue(search.libraryUses("Fathers"));
    assertTrue(search.libraryUses("Section-47"), "every part of a hyphenated word");
    assertTrue(search.libraryUses("stratgey"), "a lower-case slip of one of its words");
    assertFalse(search.libraryUses("Stratgey"), "capitalised, a word the library lacks may be a name");
    assertFalse(search.libraryUses("Jade"), "neither the library's word nor a slip of one");
    assertFalse(search.libraryUses("passport"), "an English word the library never uses is not a slip");
    assertFalse(search.libraryUses("Section-Jade"));
  }

  @Test
  void the_edit_distance_counts_a_swap_of_neighbours_as_one() {
    assertEquals(1, Spelling.distance("reveiw", "review", 2));
    assertEquals(1, Spelling.distance("asessment", "assessment", 2));
    assertEquals(2, Spelling.distance("enquirys", "enquiries", 2));
    assertEquals(3, Spelling.distance("abcdef", "uvwxyz", 2), "stops once past the limit");
  }
}
