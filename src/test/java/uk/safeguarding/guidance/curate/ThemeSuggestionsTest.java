package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;

/** The preview suggests themes the library already uses, each with why. */
class ThemeSuggestionsTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  private void libraryDocument(String id, String themes, String body) throws Exception {
    Files.writeString(corpus.resolve(id + ".md"), "---\ntitle: " + id + "\nthemes: " + themes + "\n---\n\n" + body);
  }

  @BeforeEach
  void library() throws Exception {
    libraryDocument("bruising", "Non-accidental injury", "# Bruising in babies\n\nAny bruise on a baby who is not "
        + "yet mobile must be taken seriously. Bruising, a fracture or a burn on a non-mobile infant needs a "
        + "paediatric assessment the same day. Record the bruise, its size and where on the body it is.");
    libraryDocument("home-conditions", "neglect, home conditions", "# Neglect\n\nNeglect is the persistent failure "
        + "to meet a child's basic needs. Look at home conditions: food in the fridge, clean bedding, heating. "
        + "Missed health appointments and poor school attendance point to neglect.");
    libraryDocument("exploitation", "child exploitation", "# County lines\n\nCriminal gangs groom young people to "
        + "carry drugs between towns. Watch for unexplained money, new phones and going missing from home or school.");
    libraryDocument("online", "online safety", "# Online safety\n\nChildren share images on social media and "
        + "games. Talk to them about apps, privacy settings and who they talk to online.");
  }

  private Curator.Preview preview(String text, String themes) {
    Curator curator = new Curator(corpus, data, CorpusReader.standard(), () -> CompletableFuture.completedFuture(null),
        (actor, action, target, detail) -> {}, 20L << 20, java.time.Clock.systemUTC());
    return curator.preview(CuratorTest.upload("upload.md", text,
        new MetadataForm(null, null, null, null, null, null, MetadataForm.themes(themes), null)));
  }

  @Test
  void a_theme_the_document_names_is_suggested_in_the_librarys_spelling_saying_where_it_was_named() {
    Curator.Preview p = preview("# Neglect of Teenagers\n\nAdolescent neglect is often missed. Neglected teenagers "
        + "may look after themselves, but neglect still harms them.", null);
    assertEquals(List.of(new Curator.ThemeSuggestion("neglect",
        "“neglect” is in the title or a heading and 3 times in all (a theme of 1 library document)")),
        p.extraction().suggestedThemes());
  }

  @Test
  void a_theme_the_document_never_names_is_suggested_from_the_words_it_shares_with_that_themes_documents() {
    Curator.Preview p = preview("# Marks on Infants\n\nA bruise on a baby who is not mobile is rare. Ask for a "
        + "paediatric assessment of any bruise, burn or fracture on an infant, the same day.", null);
    assertEquals(List.of(new Curator.ThemeSuggestion("non-accidental injury", "its words are close to those of the "
        + "library's document on it (shared: bruise, baby, infant, mobile)")), p.extraction().suggestedThemes());
  }

  @Test
  void a_theme_the_upload_already_has_is_not_suggested_again_and_one_passing_mention_is_not_a_name() {
    Curator.Preview p = preview("# Home Visits\n\nOn a home visit, check the home conditions and the child's room. "
        + "Neglect can be hard to see. Home conditions change: look again each visit.", "Home Conditions");
    assertEquals(List.of(new Curator.ThemeSuggestion("neglect", "its words are close to those of the library's "
        + "document on it (shared: condition, neglect, home, child)")), p.extraction().suggestedThemes());
  }

  /** BENCHMARKS.md §9: the structure fixtures as uploads to the shipped library; prints what is suggested. */
  @Test
  void the_structure_fixtures_get_only_themes_the_shipped_library_uses() throws Exception {
    List<uk.safeguarding.guidance.corpus.SourceDocument> library = CorpusReader.standard().read(Path.of("corpus"))
        .documents();
    java.util.Set<String> themes = new java.util.HashSet<>();
    library.forEach(d -> themes.addAll(d.metadata().themes()));
    int suggested = 0;
    try (var files = Files.list(Path.of("src/test/resources/structure"))) {
      for (Path f : files.filter(x -> !x.toString().endsWith(".spec") && !x.toString().endsWith(".expected"))
          .sorted().toList()) {
        List<ThemeSuggestions.Suggestion> s = ThemeSuggestions.suggest(CorpusReader.standard().load(f), library);
        System.out.println(f.getFileName() + ": " + s.stream().map(x -> x.theme() + " (" + x.source() + ")").toList());
        s.forEach(x -> assertEquals(true, themes.contains(x.theme()), x.theme()));
        suggested += s.size();
      }
    }
    System.out.println(suggested + " suggestions");
  }
}
