package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A PDF's structured text and metadata from its layout ({@link PdfStructure}), its words and its
 * document information, each value with where it came from, best first. Stateless, thread-safe.
 */
final class PdfMetadata {

  /** Document-information titles that name the file, not the document ("Microsoft Word - draft3.docx"). */
  private static final java.util.regex.Pattern FILE_NAME_TITLE = java.util.regex.Pattern.compile(
      "(?i)^(?:microsoft (?:word|powerpoint)\\b.*|untitled.*|document\\d*|.*\\.(?:docx?|pptx?|pdf|odt|rtf))$");
  /**
   * An organisation's name as a running header, author or cover line gives it: capitalised words
   * ending with the noun that makes it an organisation ("Eastvale Safeguarding Children Board").
   */
  private static final java.util.regex.Pattern ORGANISATION = java.util.regex.Pattern.compile(
      "\\b((?:[A-Z][\\w'’&-]*\\s+|&\\s+|and\\s+|of\\s+|for\\s+){0,8}"
          + "(?:Partnership|Board|Council|Panel|Trust|Department|Agency|Authority|Service|Constabulary|Police))\\b");
  /** A cover line naming the organisation is short; a longer one is a sentence that mentions it. */
  static final int MAX_ORGANISATION_WORDS = 10;

  private PdfMetadata() {}

  /**
   * The text with its structure, and the metadata found: the title from the first page's largest
   * type, else the document information; organisation and date from the words ("Published by …",
   * "Published September 2024"), else the document information's author and creation date.
   */
  static PdfLoader.Extracted extracted(List<PdfLine> lines, PDDocumentInformation info) {
    PdfStructure.Result layout = PdfStructure.read(lines);
    MetadataCandidates found = new MetadataCandidates();
    List<String> warnings = new ArrayList<>();
    found.offer("title", layout.title(), "largest text on the first page");
    String infoTitle = PdfLoader.clean(info.getTitle());
    if (!FILE_NAME_TITLE.matcher(infoTitle).matches()) {
      boolean header = layout.running().stream().anyMatch(r -> PdfMargins.key(r).equals(PdfMargins.key(infoTitle)));
      if (header && layout.title().isEmpty() && !infoTitle.isEmpty()) {
        warnings.add("The title '" + infoTitle + "' is the PDF's running header: check it is the document's title.");
      }
      found.offer("title", infoTitle, "PDF document information");
    }
    TextMetadata.scan(layout.allLines(), found);
    for (String r : layout.running()) {
      found.offer("organisation", organisationIn(r), "running header");
    }
    found.offer("organisation", organisationIn(PdfLoader.clean(info.getAuthor())), "PDF document information (author)");
    lines.stream().filter(l -> l.page() == 1 && l.text().split("\\s+").length <= MAX_ORGANISATION_WORDS)
        .map(l -> organisationIn(l.text())).filter(o -> !o.isEmpty()).findFirst()
        .ifPresent(o -> found.offer("organisation", o, "first page"));
    if (info.getCreationDate() != null) {
      java.util.Calendar c = info.getCreationDate();
      found.offer("date", String.format(Locale.ROOT, "%04d-%02d-%02d", c.get(java.util.Calendar.YEAR),
          c.get(java.util.Calendar.MONTH) + 1, c.get(java.util.Calendar.DAY_OF_MONTH)),
          "PDF document information (created)");
    }
    // Cut to the limits here, as the upload stores these in the front matter, where over the limits is refused.
    found.offer("themes", String.join(", ", DocumentMetadata.withinThemeLimits(
        FrontMatter.themes(List.of(PdfLoader.clean(info.getKeywords()))))), "PDF document information (keywords)");
    List<FieldSource> metadata = new ArrayList<>();
    for (String field : FrontMatter.FIELDS) {
      found.get(field).ifPresent(metadata::add);
    }
    String title = found.get("title").map(FieldSource::value).orElse("");
    return new PdfLoader.Extracted(layout.text(), title, PdfLoader.clean(info.getSubject()), metadata, warnings);
  }

  /** The organisation named in {@code text}, or empty. */
  static String organisationIn(String text) {
    java.util.regex.Matcher m = ORGANISATION.matcher(text == null ? "" : text);
    return m.find() && m.group(1).split("\\s+").length >= 2 ? m.group(1).strip() : "";
  }

}
