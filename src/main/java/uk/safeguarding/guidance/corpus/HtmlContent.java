package uk.safeguarding.guidance.corpus;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Chooses an HTML page's main content the way a reader does: the {@code main} element, else the
 * fullest {@code article}, else the block that holds most of the page's words that are not links;
 * and removes page furniture inside it (share, print and feedback widgets, cookie banners,
 * breadcrumbs), recognised by element, role, class or id. Stateless, thread-safe.
 */
final class HtmlContent {

  private static final String FURNITURE_ELEMENTS =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, dialog, "
          + "[role=navigation], [role=banner], [role=contentinfo], [role=search], [role=dialog], [role=alertdialog], "
          + "[aria-hidden=true], [hidden]";
  /** Class or id words that name furniture on council and government sites. */
  private static final Pattern FURNITURE_NAME =
      Pattern.compile("(?i)(?:^|[-_\\s])(?:share|sharing|social-?share|social-?links|sharethis"
          + "|addthis|cookie|cookies|consent|gdpr|breadcrumbs?|feedback|helpful|print|skip|skiplink|related|sidebar"
          + "|toolbar|pagination|pager|rating|site-?header|site-?footer|newsletter|back-?to-?top)(?:$|[-_\\s])");
  /** A child holding at least this share of its parent's words is where the content is. */
  static final double DESCEND_SHARE = 0.6;
  /** A block whose words are mostly links is navigation. */
  static final double MAX_LINK_DENSITY = 0.5;

  private HtmlContent() {}

  /** The page's main content with its furniture removed; the document is changed in place. */
  static Element main(Document html) {
    html.select(FURNITURE_ELEMENTS).remove();
    for (Element e : html.body().select("*")) {
      if (e.parent() != null && (FURNITURE_NAME.matcher(e.className()).find() || FURNITURE_NAME.matcher(e.id()).find())
          && !holdsHeadings(e)) {
        e.remove();
      }
    }
    Element main = html.selectFirst("main, [role=main]");
    if (main != null) {
      return main;
    }
    Elements articles = html.select("article");
    if (!articles.isEmpty()) {
      return articles.stream().max(java.util.Comparator.comparingInt(a -> a.text().length())).orElseThrow();
    }
    return densest(html.body());
  }

  /** A furniture-named wrapper around the page's sections (class="content-with-sidebar") is kept. */
  private static boolean holdsHeadings(Element e) {
    return !e.select("h1, h2, h3").isEmpty() && e.text().length() > Furniture.MAX_CHARS;
  }

  /**
   * Descends from {@code root} while one child holds most of the words that are not links. Word
   * counts are summed bottom-up in one walk, so a deeply nested page costs one pass, not one per level.
   */
  static Element densest(Element root) {
    Map<Element, int[]> counts = new IdentityHashMap<>(); // element -> {all words, words in links}
    NodeTraversor.traverse(new NodeVisitor() {

      @Override
      public void head(Node node, int depth) {}

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof TextNode text && text.parent() != null) {
          Element parent = text.parent();
          int[] c = counts.computeIfAbsent(parent, k -> new int[2]);
          int n = count(text.text());
          c[0] += n;
          if (parent.normalName().equals("a")) {
            c[1] += n;
          }
        } else if (node instanceof Element e && e.parent() != null) {
          int[] c = counts.computeIfAbsent(e, k -> new int[2]);
          int[] p = counts.computeIfAbsent(e.parent(), k -> new int[2]);
          p[0] += c[0];
          p[1] += e.normalName().equals("a") ? c[0] : c[1];
        }
      }
    }, root);
    Element current = root;
    while (true) {
      int total = words(counts.get(current));
      Element best = null;
      int bestWords = 0;
      for (Element child : current.children()) {
        int w = words(counts.get(child));
        if (w > bestWords) {
          best = child;
          bestWords = w;
        }
      }
      if (best == null || total == 0 || bestWords < DESCEND_SHARE * total) {
        return current;
      }
      current = best;
    }
  }

  /** Words of text outside links; zero for a block that is mostly links. */
  private static int words(int[] c) {
    if (c == null || c[0] == 0 || (double) c[1] / c[0] > MAX_LINK_DENSITY) {
      return 0;
    }
    return c[0] - c[1];
  }

  private static int count(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
