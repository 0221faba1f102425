package uk.safeguarding.guidance.curate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.YamlFrontMatter;

/**
 * A document's metadata on its way into a stored file: the upload form's, then the current
 * document's (the one being edited or replaced: a trainer's curated values are kept), then what the
 * file itself says. Strings are never null (empty means "not given"); {@code themes} is null when
 * nothing gave themes at all, so a replaced document keeps its own. {@code cleared} names the fields a
 * trainer emptied: they are stored as empty values, which the loaders leave empty rather than filling
 * from the document (an HTML page's author tag, a PDF's creation date). {@code others} keeps keys the
 * loaders do not read, so a Markdown file's own front matter survives an upload. Immutable.
 */
record DocumentFields(String id, String title, String organisation, String type, String date, String period,
    List<String> themes, String source, Map<String, List<String>> others, Set<String> cleared) {

  /** The keys the loaders read, in the order a stored file gives them. */
  static final List<String> KEYS = List.of("id", "title", "organisation", "type", "date", "period", "themes", "source");
  /** A form value longer than this is a paste gone wrong, not metadata. */
  static final int MAX_FIELD_CHARS = 500;
  private static final Pattern DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");
  private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");

  /** The fields a trainer may clear; a document needs its title, and its id never changes. */
  static final List<String> CLEARABLE = List.of("organisation", "type", "date", "period", "themes", "source");

  static final DocumentFields NONE = new DocumentFields("", "", "", "", "", "", null, "", Map.of(), Set.of());

  DocumentFields {
    id = strip(id);
    title = strip(title);
    organisation = strip(organisation);
    type = strip(type);
    date = strip(date);
    period = strip(period);
    themes = themes == null ? null : themes.stream().filter(Objects::nonNull).toList();
    source = strip(source);
    others = Map.copyOf(others);
    cleared = Set.copyOf(cleared);
  }

  /** The fields of a parsed front matter or set of meta tags; "organization" is read as "organisation". */
  static DocumentFields of(Map<String, List<String>> data) {
    Map<String, List<String>> others = new LinkedHashMap<>(data);
    KEYS.forEach(others::remove);
    others.remove("organization");
    String organisation = first(data, "organisation");
    Set<String> cleared = new LinkedHashSet<>();
    for (String key : CLEARABLE) {
      if (YamlFrontMatter.cleared(data, key) || key.equals("organisation") && organisation.isEmpty()
          && YamlFrontMatter.cleared(data, "organization")) {
        cleared.add(key);
      }
    }
    return new DocumentFields(first(data, "id"), first(data, "title"),
        organisation.isEmpty() ? first(data, "organization") : organisation, first(data, "type"),
        first(data, "date"), first(data, "period"), data.containsKey("themes") && !cleared.contains("themes")
            ? data.get("themes")
            : null,
        first(data, "source"), others, cleared);
  }

  /**
   * Every key with its values, the known ones first in {@link #KEYS} order; empty values left out, but
   * for a cleared field, which is kept with one empty value.
   */
  Map<String, List<String>> asMap() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String key : KEYS) {
      if (cleared.contains(key)) {
        out.put(key, List.of(""));
      } else if (key.equals("themes")) {
        if (themes != null && !themes.isEmpty()) {
          out.put(key, themes);
        }
      } else {
        put(out, key, key.equals("id") ? id : key.equals("title") ? title : value(key));
      }
    }
    others.forEach(out::putIfAbsent);
    return out;
  }

  DocumentFields withId(String newId) {
    return new DocumentFields(newId, title, organisation, type, date, period, themes, source, others, cleared);
  }

  /**
   * These fields (the file's own) under the form's: a form field given wins (an empty one clears),
   * then the file's value, then the replaced document's. The form is checked as it is read.
   *
   * @throws Rejected naming the field when a form value is too long, holds control characters, or a
   *                  date or address is malformed; the date (the form's or the file's own) must also
   *                  be a real one, so "2024-02-30" is refused here rather than stored, and the
   *                  themes within {@link DocumentMetadata#MAX_THEMES} and {@link DocumentMetadata#MAX_THEME_CHARS}
   */
  DocumentFields under(MetadataForm form, DocumentMetadata current) {
    DocumentMetadata cur = current;
    List<String> mergedThemes = themes;
    if (form.themes() != null) {
      form.themes().forEach(t -> field("themes", t));
      mergedThemes = form.themes();
    } else if (cur != null && !cur.themes().isEmpty()) {
      mergedThemes = cur.themes();
    }
    String formTitle = field("title", form.title());
    if (formTitle != null && formTitle.isEmpty()) {
      throw Rejected.bad("title", "", "The parameter 'title' must not be empty: a document needs a title.");
    }
    Set<String> emptied = new LinkedHashSet<>(cleared);
    DocumentFields given = new DocumentFields(id,
        pick(formTitle, title, cur == null ? null : cur.title()),
        pick(form("organisation", form.organisation(), emptied), organisation, cur == null ? null : cur.organisation()),
        pick(form("type", form.type(), emptied), type, cur == null ? null : cur.documentType()),
        pick(form("date", form.date(), emptied), date, cur == null ? null : cur.date()),
        pick(form("period", form.period(), emptied), period, cur == null ? null : cur.period()),
        mergedThemes,
        pick(form("source", form.source(), emptied), source, cur == null ? null : cur.source()), others,
        Set.of());
    if (form.themes() != null) {
      if (form.themes().isEmpty()) {
        emptied.add("themes");
      } else {
        emptied.remove("themes");
      }
    } else if (cur != null && !cur.themes().isEmpty()) {
      emptied.remove("themes");
    }
    // A field is cleared when the form empties it, or when the file had it cleared and nothing gives it now.
    Set<String> stillEmpty = new LinkedHashSet<>();
    for (String key : emptied) {
      if (given.value(key).isEmpty()) {
        stillEmpty.add(key);
      }
    }
    DocumentFields merged = given.withCleared(stillEmpty);
    if (!merged.date.isEmpty() && !DATE.matcher(merged.date).matches()) {
      throw Rejected.bad("date", merged.date, "The parameter 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got '"
          + merged.date + "'.");
    }
    DocumentMetadata.impossibleDate(merged.date).ifPresent(why -> {
      throw Rejected.bad("date", merged.date, "The parameter 'date' must be a real date (" + why + "), got '"
          + merged.date + "'.");
    });
    if (merged.themes != null) {
      // A file's own themes may be one comma-separated line: counted as the loaders read them.
      List<String> labels = DocumentMetadata.themeLabels(merged.themes);
      DocumentMetadata.themesProblem(labels).ifPresent(why -> {
        throw Rejected.bad("themes", labels.size() + " themes", "The parameter 'themes' must be at most "
            + DocumentMetadata.MAX_THEMES + " labels of at most " + DocumentMetadata.MAX_THEME_CHARS
            + " characters each: the themes " + why + ".");
      });
    }
    if (!merged.source.isEmpty() && !WEB_ADDRESS.matcher(merged.source).matches()) {
      throw Rejected.bad("source", merged.source,
          "The parameter 'source' must be a web address starting http:// or https://.");
    }
    return merged;
  }

  /** A form field as {@link #field} reads it, noting in {@code emptied} whether it clears the field or gives it. */
  private static String form(String name, String value, Set<String> emptied) {
    String v = field(name, value);
    if (v != null) {
      if (v.isEmpty()) {
        emptied.add(name);
      } else {
        emptied.remove(name);
      }
    }
    return v;
  }

  private DocumentFields withCleared(Set<String> fields) {
    return new DocumentFields(id, title, organisation, type, date, period, fields.contains("themes") ? null : themes,
        source, others, fields);
  }

  /** A clearable field's value ("" when empty); themes joined. */
  private String value(String key) {
    return switch (key) {
      case "organisation" -> organisation;
      case "type" -> type;
      case "date" -> date;
      case "period" -> period;
      case "themes" -> themes == null ? "" : String.join(", ", themes);
      case "source" -> source;
      default -> throw new IllegalArgumentException("Not a clearable field: " + key);
    };
  }

  /** A form field, stripped; null when not given. Refuses very long values and unprintable characters. */
  static String field(String name, String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_FIELD_CHARS) {
      throw Rejected.bad(name, v.substring(0, 40) + "…", "The parameter '" + name + "' must be at most "
          + MAX_FIELD_CHARS + " characters.");
    }
    if (v.codePoints().anyMatch(DocumentFields::unprintable)) {
      throw Rejected.bad(name, v, "The parameter '" + name + "' must not contain control characters, line breaks, "
          + "invisible formatting characters or half a character.");
    }
    return v;
  }

  /**
   * A control character, a line or paragraph separator, an invisible formatting character (a
   * right-to-left override would show a title backwards, a zero-width space hides in one) or half of a
   * character (a lone surrogate, which was stored as "?").
   */
  private static boolean unprintable(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT || type == Character.SURROGATE;
  }

  /** The form's value when given (empty clears), else the current document's when it has one, else the file's. */
  private static String pick(String formValue, String fileValue, String currentValue) {
    if (formValue != null) {
      return formValue;
    }
    return currentValue != null && !currentValue.isBlank() ? currentValue : fileValue;
  }

  private static void put(Map<String, List<String>> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, List.of(value));
    }
  }

  private static String first(Map<String, List<String>> data, String key) {
    List<String> v = data.get(key);
    return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
