package uk.safeguarding.guidance.curate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.PassageParts;

/**
 * Applies a trainer's {@link StructureFix}es to a document's blocks and writes the result as the
 * text the text loader reads back into the same blocks: "## Heading" lines at their level,
 * paragraphs, "- " lists and "label: value" table rows, separated by blank lines. Links and
 * emphasis do not survive (the original is kept beside the corpus). Stateless, thread-safe.
 */
final class StructureEditor {

  private StructureEditor() {}

  /** The blocks with the fixes applied, in order; the fixes name blocks of {@code blocks}. */
  static List<Block> apply(List<Block> blocks, List<StructureFix> fixes) {
    Set<Integer> removed = new HashSet<>();
    Map<Integer, Integer> levels = new HashMap<>();
    Map<Integer, StructureFix> splits = new HashMap<>();
    for (StructureFix f : fixes) {
      if (f.block() >= blocks.size()) {
        throw Rejected.bad("fixes", String.valueOf(f.block()), "A fix names block " + f.block()
            + ", but the document has " + blocks.size() + " blocks: preview the file again.");
      }
      Block b = blocks.get(f.block());
      switch (f.op()) {
        case "drop" -> removed.add(f.block());
        case "merge" -> {
          if (b.kind() != Block.Kind.HEADING) {
            throw Rejected.bad("fixes", String.valueOf(f.block()), "Block " + f.block() + " is not a heading, so "
                + "there is no passage to merge into the one before.");
          }
          removed.add(f.block());
        }
        case "split" -> splits.put(f.block(), f);
        default -> levels.put(f.block(), checkedLevel(f, b));
      }
    }
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      StructureFix split = splits.get(i);
      if (split != null) {
        out.add(Block.heading(split.level(), split.heading()));
      }
      if (removed.contains(i)) {
        continue;
      }
      Block b = blocks.get(i);
      Integer level = levels.get(i);
      if (level == null) {
        out.add(b);
      } else {
        out.add(level == 0 ? Block.paragraph(b.text()) : Block.heading(level, b.text()));
      }
    }
    return out;
  }

  private static int checkedLevel(StructureFix f, Block b) {
    if (b.kind() == Block.Kind.LIST || b.kind() == Block.Kind.TABLE) {
      throw Rejected.bad("fixes", String.valueOf(f.block()), "Block " + f.block() + " is a " + b.kind().name()
          .toLowerCase(java.util.Locale.ROOT) + ": only headings and paragraphs change level.");
    }
    if (f.level() > 0 && (b.text().length() > StructureFix.MAX_HEADING_CHARS || b.text().contains("\n"))) {
      throw Rejected.bad("fixes", String.valueOf(f.block()), "Block " + f.block() + " is too long to be a heading: "
          + "split before it with a heading of your own instead.");
    }
    return f.level();
  }

  /**
   * The blocks as text, opening with the title as a top-level heading when they do not, so the
   * text loader reads the "#" marks as the only headings.
   */
  static String render(String title, List<Block> blocks) {
    List<String> chunks = new ArrayList<>();
    if (blocks.isEmpty() || blocks.get(0).kind() != Block.Kind.HEADING || blocks.get(0).level() != 1) {
      chunks.add("# " + oneLine(title));
    }
    for (Block b : blocks) {
      chunks.add(switch (b.kind()) {
        case HEADING -> "#".repeat(b.level()) + " " + oneLine(b.text());
        // A pipe table reads back as this table, a header-less two-column one included.
        case TABLE -> String.join("\n\n", PassageParts.of(b.text(), PassageParts.tableRows(b)).stream()
            .map(PassageParts.Part::written).toList());
        default -> b.text();
      });
    }
    return String.join("\n\n", chunks) + "\n";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
