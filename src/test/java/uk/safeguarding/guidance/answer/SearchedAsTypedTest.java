package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchService;

/**
 * A word of the library that masking takes for a name is searched as typed, and what is kept of the
 * question (the answer's echo, the conversation's turns) stays masked. BM25 only, on the shipped corpus.
 */
class SearchedAsTypedTest {

  @TempDir
  static Path data;
  static LibraryHolder holder;
  static Conversations conversations = Conversations.standard();
  static AskService ask;

  @BeforeAll
  static void start() {
    holder = ShippedLibrary.in(data);
    SearchService search = new SearchService(holder);
    ask = new AskService(search, holder, conversations, AnswerLog.NONE,
        new ScreenService(Path.of("corpus"), null, Runnable::run), null);
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  @Test
  void the_librarys_own_words_find_their_passage_while_the_question_is_kept_masked() {
    Answer a = ask.ask(new AskRequest("how many Covid-related rapid reviews were there?", null, Filters.NONE));
    assertEquals("how many [name] rapid reviews were there?", a.question());
    assertTrue(a.grounded(), a.lead());
    assertTrue(a.citations().stream().anyMatch(c -> c.passage().id().contains("reflections-on-covid-19")),
        a.citations().toString());
    List<Conversations.Turn> turns = conversations.turns(a.conversationId());
    assertEquals(1, turns.size());
    assertEquals("how many [name] rapid reviews were there?", turns.get(0).question());
    assertFalse(turns.get(0).query().toLowerCase().contains("covid"), turns.get(0).query());
  }

  @Test
  void a_name_the_library_does_not_use_is_searched_masked() {
    Answer a = ask.ask(new AskRequest("how many Jaydenish rapid reviews were there?", null, Filters.NONE));
    assertEquals("how many [name] rapid reviews were there?", a.question());
    List<Conversations.Turn> turns = conversations.turns(a.conversationId());
    assertFalse(turns.get(0).query().contains("Jaydenish"), turns.get(0).query());
  }
}
