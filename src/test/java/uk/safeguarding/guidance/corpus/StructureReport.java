package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scores document structure over the fixtures in {@code src/test/resources/structure}: each
 * document beside a {@code .expected} file stating its metadata, its section headings (paths below
 * the title), table rows a passage must quote as "label: value", and lines that must not appear.
 * Run with {@code mvn -B -q test -Dtest=DocumentStructureTest}, which prints the table.
 */
final class StructureReport {

  static final Path DIR = Path.of("src/test/resources/structure");
  static final List<String> METADATA = List.of("title", "organisation", "type", "date");

  /** What a fixture states about itself. */
  record Expected(Map<String, String> metadata, List<String> headings, List<String> rows, List<String> absent) {}

  /** One document's scores. */
  record Score(String file, int headings, int headingsFound, int furnitureLeft, int stated, int extracted,
      int rows, int rowsFound, boolean pipes, List<String> problems) {}

  private StructureReport() {}

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> Files.exists(Path.of(p + ".expected"))).sorted().toList();
    }
  }

  static Expected expected(Path doc) throws IOException {
    Map<String, String> metadata = new TreeMap<>();
    List<String> headings = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(doc + ".expected"), StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "heading" -> headings.add(value);
        case "row" -> rows.add(value);
        case "absent" -> absent.add(value);
        default -> metadata.put(key, value);
      }
    }
    return new Expected(metadata, headings, rows, absent);
  }

  /** Heading paths below the title, as the splitter sees them (inline labels opened as sub-sections). */
  static Set<String> headingPaths(SourceDocument doc) {
    Set<String> paths = new LinkedHashSet<>();
    List<String> path = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    for (Block b : PassageSplitter.expandInlineLabels(doc.blocks())) {
      if (b.kind() != Block.Kind.HEADING || b.level() == 1) {
        continue;
      }
      while (!levels.isEmpty() && levels.get(levels.size() - 1) >= b.level()) {
        levels.remove(levels.size() - 1);
        path.remove(path.size() - 1);
      }
      levels.add(b.level());
      path.add(b.text());
      paths.add(String.join(Passage.PATH_SEPARATOR, path));
    }
    return paths;
  }

  static Score score(Path file) throws Exception {
    Expected want = expected(file);
    SourceDocument doc = CorpusReader.standard().load(file);
    List<Passage> passages = new PassageSplitter().split(doc);
    List<String> problems = new ArrayList<>();
    Set<String> paths = headingPaths(doc);
    int found = 0;
    for (String h : want.headings()) {
      if (paths.contains(h)) {
        found++;
      } else {
        problems.add("heading not recovered: " + h);
      }
    }
    int furniture = 0;
    boolean pipes = false;
    for (Passage p : passages) {
      String quoted = String.join(Passage.PATH_SEPARATOR, p.headingPath()) + "\n" + p.text();
      for (String line : quoted.split("\n")) {
        if (Furniture.isFurniture(line) || want.absent().stream().anyMatch(a -> line.toLowerCase(Locale.ROOT)
            .contains(a.toLowerCase(Locale.ROOT)))) {
          furniture++;
          problems.add("furniture in " + p.anchor() + ": " + line);
        }
      }
      pipes |= p.text().matches("(?s).*\\|[^|\\n]*\\|.*") || p.text().matches("(?s).*-{3,}\\s*\\|.*");
    }
    int extracted = 0;
    for (String field : METADATA) {
      String stated = want.metadata().getOrDefault(field, "");
      String got = switch (field) {
        case "title" -> doc.metadata().title();
        case "organisation" -> doc.metadata().organisation();
        case "type" -> doc.metadata().documentType();
        default -> doc.metadata().date();
      };
      if (!stated.isEmpty() && stated.equals(got)) {
        extracted++;
      } else if (!stated.isEmpty()) {
        problems.add(field + ": expected '" + stated + "', got '" + got + "'");
      }
    }
    String all = String.join("\n\n", passages.stream().map(Passage::text).toList());
    int rows = (int) want.rows().stream().filter(r -> all.lines().anyMatch(l -> l.equals(r))).count();
    want.rows().stream().filter(r -> all.lines().noneMatch(l -> l.equals(r)))
        .forEach(r -> problems.add("row line missing: " + r));
    int stated = (int) METADATA.stream().filter(f -> !want.metadata().getOrDefault(f, "").isEmpty()).count();
    return new Score(file.getFileName().toString(), want.headings().size(), found, furniture, stated, extracted,
        want.rows().size(), rows, pipes, problems);
  }

  static String table(List<Score> scores) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-48s %9s %9s %9s %7s%n",
        "document", "headings", "furniture", "metadata", "rows"));
    int h = 0;
    int hf = 0;
    int f = 0;
    int m = 0;
    int mf = 0;
    int r = 0;
    int rf = 0;
    for (Score s : scores) {
      out.append(String.format(Locale.ROOT, "%-48s %4d/%-4d %9d %4d/%-4d %3d/%-3d%s%n", s.file(), s.headingsFound(),
          s.headings(), s.furnitureLeft(), s.extracted(), s.stated(), s.rowsFound(), s.rows(),
          s.pipes() ? " PIPES" : ""));
      h += s.headings();
      hf += s.headingsFound();
      f += s.furnitureLeft();
      m += s.stated();
      mf += s.extracted();
      r += s.rows();
      rf += s.rowsFound();
    }
    out.append(
        String.format(Locale.ROOT, "%-48s %4d/%-4d %9d %4d/%-4d %3d/%-3d%n", "all (" + scores.size() + " documents)",
            hf, h, f, mf, m, rf, r));
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    List<Score> scores = new ArrayList<>();
    for (Path p : fixtures()) {
      scores.add(score(p));
    }
    System.out.print(table(scores));
    scores.forEach(s -> s.problems().forEach(pr -> System.out.println("  " + s.file() + ": " + pr)));
  }
}
