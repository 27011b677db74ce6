package org.depeche.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.depeche.ArticleHit;
import org.depeche.Facet;
import org.depeche.PassageHit;
import org.depeche.ScoreExplanation;
import org.depeche.SearchResults;

/**
 * Search results as text for a person: passages, or articles with their passages, then facets as
 * bar charts, and the spelling suggestion first.
 */
final class ResultsText {
  private static final int WIDTH = 100;
  private static final int BAR_WIDTH = 40;

  private final PrintWriter out;
  private final boolean bold;

  ResultsText(PrintWriter out, boolean bold) {
    this.out = out;
    this.bold = bold;
  }

  /** Prints the results; with {@code articlesOnly}, one entry per article and no snippets. */
  void print(SearchResults results, boolean articlesOnly) {
    if (results.suggestion() != null) {
      out.println("Did you mean: " + results.suggestion() + "?");
      out.println();
    }
    if (results.hits().isEmpty()) {
      out.println("no passage matches " + results.query());
    } else if (results.articles().isEmpty()) {
      results.hits().forEach(h -> printPassage(h, true));
    } else {
      for (ArticleHit a : results.articles()) {
        out.println(head(a.rank(), a.score(), a.title(), a.date(), a.source()));
        if (articlesOnly) {
          out.println("    " + a.articleId() + " · " + passages(a.matchingPassages()) + " matching");
          out.println();
          continue;
        }
        a.passages().forEach(h -> printPassage(h, false));
        int more = a.matchingPassages() - a.passages().size();
        if (more > 0) {
          out.printf(Locale.ROOT, "    +%,d more passage%s%n", more, more == 1 ? "" : "s");
          out.println();
        }
      }
    }
    results.facets().forEach(this::printFacet);
    if (!results.hits().isEmpty()) {
      out.printf(Locale.ROOT, "%s of %,d passages (%d ms)%n",
          results.articles().isEmpty() ? results.hits().size() : articles(results.articles().size()) + ", "
              + results.hits().size(), results.totalHits(), results.tookMillis());
    }
  }

  private void printPassage(PassageHit h, boolean withHead) {
    if (withHead) {
      out.println(head(h.rank(), h.score(), h.title(), h.date(), h.source()));
    }
    out.println("    " + h.passageId());
    String snippet = bold ? h.snippet().render(Terminal.BOLD, Terminal.RESET) : h.snippet().text();
    out.println(Terminal.wrap(snippet, WIDTH, "    "));
    if (h.explanation() != null) {
      printExplanation(h.explanation(), "      ");
    }
    out.println();
  }

  private String head(int rank, float score, String title, LocalDate date, String source) {
    StringBuilder head = new StringBuilder();
    head.append(String.format(Locale.ROOT, "%2d. [%.2f] ", rank, score));
    String t = title == null ? "(untitled)" : title;
    head.append(bold ? Terminal.BOLD + t + Terminal.RESET : t);
    if (date != null || source != null) {
      head.append(" — ");
      head.append(date == null ? "" : date.toString());
      head.append(date != null && source != null ? ", " : "");
      head.append(source == null ? "" : source);
    }
    return head.toString();
  }

  private void printExplanation(ScoreExplanation e, String indent) {
    float v = e.value();
    String value = v == Math.rint(v) && Math.abs(v) < 1e9
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%.4f", v);
    out.println(indent + value + "  " + e.description());
    e.details().forEach(d -> printExplanation(d, indent + "  "));
  }

  private void printFacet(Facet facet) {
    out.println(facet.name());
    if (facet.values().isEmpty()) {
      out.println("  (none)");
    }
    long max = facet.values().stream().mapToLong(Facet.Value::count).max().orElse(1);
    int labelWidth = facet.values().stream().mapToInt(v -> v.value().length()).max().orElse(0);
    for (Facet.Value v : facet.values()) {
      int bar = (int) Math.max(1, Math.round((double) BAR_WIDTH * v.count() / max));
      out.printf(Locale.ROOT, "  %-" + labelWidth + "s  %s %,d%n", v.value(), "█".repeat(bar), v.count());
    }
    out.println();
  }

  private static String articles(int n) {
    return String.format(Locale.ROOT, "%,d article%s", n, n == 1 ? "" : "s");
  }

  private static String passages(int n) {
    return String.format(Locale.ROOT, "%,d passage%s", n, n == 1 ? "" : "s");
  }
}
