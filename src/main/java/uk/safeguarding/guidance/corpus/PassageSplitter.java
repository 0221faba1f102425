package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a document along its own structure into passages that stand alone as cited excerpts.
 *
 * <ul>
 *   <li>Each heading opens a section; the heading path travels with every passage.
 *   <li>A numbered heading nests under the heading whose number it extends ("7.3.5 Areas to
 *       strengthen" under "7.3 Section 47s audit") even when both are printed at the same level, as
 *       reports converted from PDF or Word often are: the passage then names the audit it belongs to.
 *   <li>Inline labels such as "What we have learned: ..." and "What you should do: ..." become
 *       sub-sections, as the reviews print them.
 *   <li>A label alone on its line ("What practitioners should do:") opens a sub-section too.
 *   <li>A list stays with the sentence that introduces it; a table's rows are units of their own.
 *   <li>A section too small to stand alone merges with its sibling, its heading kept as a label.
 *   <li>A long section splits at paragraph, list item, then sentence boundaries.
 * </ul>
 *
 * No text is lost or duplicated: every paragraph, list item and sentence lands in exactly one
 * passage. Stateless and thread-safe.
 */
public final class PassageSplitter {

  /** Longest passage, in characters: a few sentences, as much as an answer quotes at once. */
  static final int MAX_CHARS = PassagePacker.MAX_CHARS;
  /** Shortest last passage of a section; a shorter one joins the passage before it. */
  static final int MIN_CHARS = PassagePacker.MIN_CHARS;

  /** The labels reviews print at the start of a paragraph to open a sub-section. */
  private static final String LABEL = GuidanceLabels.SUB_SECTION;
  private static final Pattern INLINE_LABEL = Pattern.compile("^(" + LABEL + "\\s*[?:])\\s+(.+)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** A label printed on a line of its own ("What practitioners should do:") before a paragraph or list. */
  private static final Pattern LABEL_ALONE = Pattern.compile("^(" + LABEL + ")\\s*[?:]$", Pattern.CASE_INSENSITIVE);

  /** A heading's section number ("7.3.5" of "7.3.5 Areas to strengthen"): digits joined by dots. */
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s");

  /** A run of text under one heading path, before packing into passages. */
  private record Section(List<String> path, List<String> units) {

    int length() {
      return units.stream().mapToInt(String::length).sum();
    }

    List<String> parent() {
      return path.isEmpty() ? path : path.subList(0, path.size() - 1);
    }
  }

  public List<Passage> split(SourceDocument doc) {
    List<Block> blocks = expandInlineLabels(doc.blocks());
    String root = doc.metadata().title();
    if (!blocks.isEmpty() && blocks.get(0).kind() == Block.Kind.HEADING && blocks.get(0).level() == 1) {
      root = blocks.get(0).text();
      blocks = blocks.subList(1, blocks.size());
    }
    List<Section> sections = mergeTiny(sections(blocks));
    Map<String, Integer> leafCounts = new HashMap<>();
    sections.forEach(sec -> leafCounts.merge(leafSlug(sec.path()), 1, Integer::sum));
    List<Passage> passages = new ArrayList<>();
    Set<String> anchors = new HashSet<>();
    for (Section section : sections) {
      List<String> path = new ArrayList<>();
      path.add(root);
      path.addAll(section.path());
      String base = baseAnchor(section.path(), leafCounts, anchors);
      int part = 1;
      for (String text : PassagePacker.pack(section.units())) {
        String anchor = part == 1 ? base : unique(base + "-" + part, anchors);
        anchors.add(anchor);
        part++;
        passages.add(new Passage(doc.id(), anchor, path, text, passages.size()));
      }
    }
    return passages;
  }

  /** "What we have learned: The importance of ..." becomes a sub-heading and its paragraph. */
  static List<Block> expandInlineLabels(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    int headingLevel = 1;
    for (Block block : blocks) {
      if (block.kind() == Block.Kind.HEADING) {
        headingLevel = block.level();
        out.add(block);
        continue;
      }
      Matcher alone = block.kind() == Block.Kind.PARAGRAPH ? LABEL_ALONE.matcher(block.text()) : null;
      Matcher m = block.kind() == Block.Kind.PARAGRAPH ? INLINE_LABEL.matcher(block.text()) : null;
      if (alone != null && alone.matches()) {
        out.add(Block.heading(Math.min(6, headingLevel + 1), alone.group(1).strip()));
      } else if (m != null && m.matches()) {
        String label = m.group(1).strip();
        out.add(Block.heading(Math.min(6, headingLevel + 1),
            label.endsWith(":") ? label.substring(0, label.length() - 1) : label));
        out.add(Block.paragraph(m.group(2)));
      } else {
        out.add(block);
      }
    }
    return out;
  }

  /** The heading's section number, or null when it has none. */
  static String number(String heading) {
    Matcher m = NUMBERED.matcher(heading);
    return m.find() ? m.group(1) : null;
  }

  /** Whether {@code heading} is a numbered part of {@code parent} ("7.3.5 Outcome" of "7.3 Section 47s audit"). */
  public static boolean numberedPart(String heading, String parent) {
    return within(number(heading), number(parent));
  }

  /** Whether section number {@code child} lies within {@code parent} ("7.3.5" within "7.3"). */
  static boolean within(String child, String parent) {
    return child != null && parent != null && child.startsWith(parent + ".");
  }

  private static List<Section> sections(List<Block> blocks) {
    List<Section> sections = new ArrayList<>();
    List<String> path = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<String> units = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block.kind() == Block.Kind.HEADING) {
        addSection(sections, path, units);
        units = new ArrayList<>();
        int level = Math.max(2, block.level()); // a second top-level heading is a section of the document
        while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level
            && !numberedPart(block.text(), path.get(path.size() - 1))) {
          levels.remove(levels.size() - 1);
          path.remove(path.size() - 1);
        }
        levels.add(level);
        path.add(block.text());
        continue;
      }
      Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
      if (block.kind() == Block.Kind.PARAGRAPH && next != null && next.kind() == Block.Kind.LIST
          && (block.text().endsWith(":") || block.text().length() <= 200)) {
        units.add(block.text() + "\n" + next.text()); // the lead-in travels with its list
        i++;
      } else if (block.kind() == Block.Kind.TABLE) {
        // Each row stands alone as a unit, so a long table splits between rows, never inside one.
        for (String row : block.text().split(Block.ROW_SEPARATOR)) {
          if (!row.isBlank()) {
            units.add(row.strip());
          }
        }
      } else if (!block.text().isEmpty()) {
        units.add(block.text());
      }
    }
    addSection(sections, path, units);
    return sections;
  }

  private static void addSection(List<Section> sections, List<String> path, List<String> units) {
    if (!units.isEmpty()) {
      sections.add(new Section(List.copyOf(path), List.copyOf(units)));
    }
  }

  /**
   * A section too small to stand alone ("What we have learned" in one line) joins its next
   * sibling, or else its previous one, under their shared parent with its heading as a label.
   */
  private static List<Section> mergeTiny(List<Section> sections) {
    List<Section> out = new ArrayList<>(sections);
    for (int i = 0; i < out.size(); i++) {
      Section s = out.get(i);
      if (s.length() >= MIN_CHARS || s.path().size() < 2) {
        continue; // only sub-sections merge: a top-level section is a place in the document of its own
      }
      if (i + 1 < out.size() && isSibling(s, out.get(i + 1))
          && s.length() + out.get(i + 1).length() <= MAX_CHARS) {
        out.set(i, merge(s, out.get(i + 1)));
        out.remove(i + 1);
        i--; // the merged section may still be tiny
      } else if (i > 0 && isSibling(out.get(i - 1), s) && out.get(i - 1).length() + s.length() <= MAX_CHARS) {
        out.set(i - 1, merge(out.get(i - 1), s));
        out.remove(i);
        i -= 2;
        if (i < -1) {
          i = -1;
        }
      }
    }
    return out;
  }

  private static boolean isSibling(Section a, Section b) {
    return a.path().size() >= 2 && b.path().size() >= 2 && a.parent().equals(b.parent())
        && a.path().size() == b.path().size();
  }

  private static Section merge(Section a, Section b) {
    List<String> units = new ArrayList<>(labelled(a));
    units.addAll(labelled(b));
    return new Section(a.parent(), units);
  }

  /** The section's units, the first prefixed with its heading as a label. */
  private static List<String> labelled(Section s) {
    List<String> units = new ArrayList<>(s.units());
    String label = s.path().get(s.path().size() - 1);
    String sep = label.matches(".*[:?.!]$") ? "" : ":";
    String first = units.get(0);
    units.set(0, label + sep + (first.startsWith("- ") || first.matches("^\\d+\\. .*") ? "\n" : " ") + first);
    return units;
  }

  private static String leafSlug(List<String> path) {
    return path.isEmpty() ? "overview" : Slugs.slug(path.get(path.size() - 1));
  }

  /**
   * The heading's slug; a heading repeated in the document ("What you should do" under every
   * theme) is prefixed with its parent's, so anchors read well and stay stable when sections move.
   */
  private static String baseAnchor(List<String> path, Map<String, Integer> leafCounts, Set<String> used) {
    String anchor = leafSlug(path);
    if (leafCounts.get(anchor) > 1 && path.size() > 1) {
      anchor = Slugs.slug(path.get(path.size() - 2)) + "--" + anchor;
    }
    String u = unique(anchor, used);
    used.add(u);
    return u;
  }

  private static String unique(String anchor, Set<String> used) {
    String unique = anchor;
    for (int n = 2; used.contains(unique); n++) {
      unique = anchor + "-" + n;
    }
    return unique;
  }
}
