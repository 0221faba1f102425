package uk.safeguarding.guidance.curate;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Slugs;

/**
 * The id a document is stored under ({@code <id>.<ext>}) and how it was chosen, so the page can say
 * so. In order: a replaced document keeps its own; the id typed in the form; the file's own
 * {@code id:}; made from the title (the form's, the file's own, or the one the loader read from the
 * document: its first heading, a PDF's largest text); made from the file's name only when nothing
 * gives a title before loading and loading finds none either. Immutable.
 *
 * @param id  a slug, checked
 * @param how how it was chosen, in words for the trainer
 */
record IdChoice(String id, String how) {

  static final String KEPT = "kept: the document being replaced keeps its id";
  static final String TYPED = "as typed";
  static final String FROM_FILE = "from the file's own 'id:'";
  static final String FROM_TITLE = "made from the title";
  static final String FROM_FILE_NAME = "made from the file's name (no title was given)";
  /**
   * An id made from a title or file name stops at a word boundary before this: a whole long title
   * as a slug (66 characters for a typical review) is an id nobody reads in a link.
   */
  static final int DERIVED_ID_CHARS = 50;
  /** Longer than this, a slug is not an id anybody types or reads in a link. */
  static final int MAX_ID_CHARS = 120;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  /** Ids whose stored file ({@code <id>.md} or {@code <id>.txt}) would be one of the corpus's reserved names. */
  static final Set<String> RESERVED_IDS = CorpusReader.RESERVED.stream()
      .map(name -> name.substring(0, name.lastIndexOf('.'))).collect(Collectors.toUnmodifiableSet());

  /**
   * Names Windows keeps for devices whatever the extension ("con.md" is the console): a document stored
   * under one could not be written, copied or backed up there, and the README offers Windows builds.
   */
  static final Pattern WINDOWS_DEVICE = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");

  /**
   * @param typed    the form's id, null when not given
   * @param fields   the merged fields (their id is the file's own)
   * @param current  the document being replaced or edited, or null
   * @param fileStem the uploaded file's name without its extension
   */
  static IdChoice choose(String typed, DocumentFields fields, DocumentMetadata current, String fileStem) {
    String formId = DocumentFields.field("id", typed);
    IdChoice choice;
    if (current != null) {
      choice = new IdChoice(current.id(), KEPT); // whatever the new file says
    } else if (formId != null && !formId.isEmpty()) {
      choice = new IdChoice(formId, TYPED);
    } else if (!fields.id().isEmpty()) {
      choice = new IdChoice(fields.id(), FROM_FILE);
    } else if (!fields.title().isEmpty()) {
      choice = new IdChoice(shortened(Slugs.slug(fields.title())), FROM_TITLE);
    } else {
      // As the corpus reader names a file without an id; the title is checked on loading.
      choice = new IdChoice(shortened(Slugs.slug(fileStem)), FROM_FILE_NAME);
    }
    return choice.checked();
  }

  /** Made from {@code title} instead when this one was made from the file's name; otherwise this. */
  IdChoice orFromTitle(String title) {
    return how.equals(FROM_FILE_NAME) && title != null && !title.isBlank()
        ? new IdChoice(shortened(Slugs.slug(title)), FROM_TITLE).checked()
        : this;
  }

  /** The slug cut at the last hyphen before {@link #DERIVED_ID_CHARS}. */
  static String shortened(String slug) {
    if (slug.length() <= DERIVED_ID_CHARS) {
      return slug;
    }
    int cut = slug.lastIndexOf('-', DERIVED_ID_CHARS);
    return cut > 0 ? slug.substring(0, cut) : slug.substring(0, DERIVED_ID_CHARS);
  }

  private IdChoice checked() {
    if (!SLUG.matcher(id).matches() || id.length() > MAX_ID_CHARS) {
      throw Rejected.bad("id", id, "The parameter 'id' must be a slug: lowercase letters, digits and single hyphens, "
          + "at most " + MAX_ID_CHARS + " characters, got '" + id + "'.");
    }
    if (RESERVED_IDS.contains(id)) {
      // Stored as <id>.<ext>, these would become the corpus's own configuration files, invisible as documents.
      throw Rejected.bad("id", id, "The id '" + id + "' is reserved for the corpus folder's own files ("
          + String.join(", ", new TreeSet<>(CorpusReader.RESERVED)) + "); choose another.");
    }
    if (WINDOWS_DEVICE.matcher(id).matches()) {
      throw Rejected.bad("id", id, "The id '" + id + "' is a device name on Windows (con, prn, aux, nul, com0-9, "
          + "lpt0-9), where no file can have it; choose another.");
    }
    return this;
  }
}
