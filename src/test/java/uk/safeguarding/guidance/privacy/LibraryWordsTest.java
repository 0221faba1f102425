package uk.safeguarding.guidance.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped library vocabulary keeps up with corpus/, so masking never hides the library's words. */
class LibraryWordsTest {

  private static final Pattern CAPITALISED = Pattern.compile("[A-Z][\\w'’-]*");

  @Test
  void every_capitalised_corpus_word_that_is_not_english_is_in_the_shipped_vocabulary() throws IOException {
    Lexicon lexicon = Lexicon.shared();
    Set<String> shipped = new TreeSet<>();
    Lexicon.read("library-words.txt").forEach(w -> shipped.add(w.toLowerCase(Locale.ROOT)));
    Set<String> missing = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> corpus = Files.list(Path.of("corpus"))) {
      files = corpus.sorted().toList();
    }
    for (Path file : files) {
      Matcher m = CAPITALISED.matcher(Files.readString(file));
      while (m.find()) {
        String word = m.group().replaceAll("['’]s?$", "").replaceAll("^-+|-+$", "");
        if (word.length() > 1 && !lexicon.isEnglish(word) && !shipped.contains(word.toLowerCase(Locale.ROOT))) {
          missing.add(word);
        }
      }
    }
    assertEquals(Set.of(), missing, "corpus/ changed: run python3 tools/privacy-words/build.py");
  }
}
