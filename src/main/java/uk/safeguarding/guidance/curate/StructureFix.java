package uk.safeguarding.guidance.curate;

import java.util.Locale;
import java.util.Set;

/**
 * One change a trainer makes to an upload's structure before publishing, naming a block (heading,
 * paragraph, list or table) by its position in the document as the loader read it from the file.
 * The fixes are written into the stored text, so they survive every reindex.
 *
 * @param op      {@code level}: make the block a heading of {@code level} (0 makes a heading a
 *                paragraph); {@code merge}: remove the heading so its passage joins the one before;
 *                {@code split}: start a new passage before the block, under {@code heading} at
 *                {@code level}; {@code drop}: the block is page furniture, leave it out
 * @param block   the block's position, from 0
 * @param level   a heading level 1-6 (0 for {@code level} to make a paragraph); unused otherwise
 * @param heading the new heading's text, for {@code split} only
 */
public record StructureFix(String op, int block, int level, String heading) {

  public static final Set<String> OPS = Set.of("level", "merge", "split", "drop");
  /** Longer than this, a heading is a paragraph that lost its way. */
  static final int MAX_HEADING_CHARS = 200;

  public StructureFix {
    op = op == null ? "" : op.strip().toLowerCase(Locale.ROOT);
    if (!OPS.contains(op)) {
      throw Rejected.bad("fixes", op, "Each fix's 'op' must be one of level, merge, split or drop, got '" + op + "'.");
    }
    if (block < 0) {
      throw Rejected.bad("fixes", String.valueOf(block), "Each fix's 'block' must be 0 or more, got " + block + ".");
    }
    int lowest = op.equals("level") ? 0 : 1;
    if ((op.equals("level") || op.equals("split")) && (level < lowest || level > 6)) {
      throw Rejected.bad("fixes", String.valueOf(level), "A '" + op + "' fix's 'level' must be " + lowest
          + " to 6, got " + level + ".");
    }
    heading = heading == null ? "" : heading.strip();
    if (op.equals("split") && heading.isEmpty()) {
      throw Rejected.bad("fixes", "", "A 'split' fix needs the new passage's 'heading'.");
    }
    if (heading.length() > MAX_HEADING_CHARS || heading.chars().anyMatch(Character::isISOControl)) {
      throw Rejected.bad("fixes", heading.substring(0, Math.min(40, heading.length())), "A heading must be one line "
          + "of at most " + MAX_HEADING_CHARS + " characters.");
    }
  }
}
