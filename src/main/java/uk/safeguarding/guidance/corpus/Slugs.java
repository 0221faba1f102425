package uk.safeguarding.guidance.corpus;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and file names into URL-safe slugs for ids and anchors. */
public final class Slugs {

  private Slugs() {}

  public static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replace("&", " and ")
        .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
    }
    return slug.isEmpty() ? "section" : slug;
  }
}
