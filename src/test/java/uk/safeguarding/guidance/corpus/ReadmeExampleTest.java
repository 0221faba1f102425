package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's own front-matter example, copied verbatim with its comments, loads as it says. */
class ReadmeExampleTest {

  @Test
  void the_readmes_markdown_example_loads_verbatim_with_its_comments(@TempDir Path corpus) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```markdown\n", readme.indexOf("**Markdown** (`.md`) with YAML front matter"));
    int end = readme.indexOf("\n```", start + 12);
    String example = readme.substring(start + "```markdown\n".length(), end + 1);
    Files.writeString(corpus.resolve("example.md"), example);
    Corpus read = CorpusReader.standard().read(corpus);
    assertEquals(List.of(), read.skipped());
    DocumentMetadata m = read.documents().get(0).metadata();
    assertEquals("telford-learning-from-local-reviews-2021", m.id());
    assertEquals("Learning from Local Reviews 2021 – Thematic Briefing Note 3", m.title());
    assertEquals("thematic briefing", m.documentType(), "a # comment is not part of the value");
    assertEquals("2021", m.date());
    assertEquals(List.of("neglect", "information sharing"), m.themes());
    assertTrue(m.source().startsWith("https://") || m.source().isEmpty(), m.source());
  }

  @Test
  void yaml_quoting_and_lists_work_and_text_that_is_not_yaml_falls_back_to_the_lenient_reading() {
    assertEquals(List.of("A title: with a colon"),
        YamlFrontMatter.parse("title: \"A title: with a colon\"  # a comment\n").orElseThrow().get("title"));
    assertEquals(List.of("neglect", "voice of the child"),
        YamlFrontMatter.parse("themes: [neglect, voice of the child]\n").orElseThrow().get("themes"));
    assertEquals(List.of("2021"), YamlFrontMatter.parse("date: 2021\n").orElseThrow().get("date"));
    assertTrue(YamlFrontMatter.parse("title: Theme 4: Families\n").isEmpty(), "not YAML: the loaders fall back");
    assertTrue(YamlFrontMatter.parse("a: &x [1]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n").isEmpty(),
        "aliases are capped");
  }
}
