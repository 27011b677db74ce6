package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.index.MultiReader;
import org.depeche.Snippet;
import org.depeche.analysis.FrenchNewsAnalyzer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnippetMakerTest {
  private static final FrenchNewsAnalyzer ANALYZER = new FrenchNewsAnalyzer();

  /** The seed article's fourth paragraph (corpus/royaume-uni-retrait-mali.txt#3). */
  private static final String SECURITE = "Le gouvernement britannique « ne peut pas déployer l’armée "
      + "nationale pour assurer la sécurité quand le gouvernement du pays hôte n’a pas la volonté de "
      + "travailler avec nous pour apporter une stabilité et une sécurité durables », a insisté Heappey.";

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  /** An index with no passage: these queries have no prefix to look up. */
  private static MultiReader noIndex;

  @BeforeAll
  static void open() throws IOException {
    noIndex = new MultiReader();
  }

  /** The snippet of {@code text} for {@code query}, with the terms the compiled query highlights. */
  private static Snippet snippet(String text, String query, int maxChars) {
    Set<String> terms = QueryCompiler.compile(QueryParser.parse(query), ANALYZER, noIndex).highlightTerms();
    return SnippetMaker.snippet(text, terms, ANALYZER, maxChars);
  }

  private static Snippet snippet(String text, String query) {
    return snippet(text, query, SnippetMaker.DEFAULT_MAX_CHARS);
  }

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      pour assurer la sécurité quand             | securite        | pour assurer la <em>sécurité</em> quand
      la Mission de la paix de l’ONU             | l'ONU           | la Mission de la paix de l’<em>ONU</em>
      la Mission de la paix de l'ONU             | L’ONU           | la Mission de la paix de l'<em>ONU</em>
      notamment l’ONU, se sont tendues           | ONU             | notamment l’<em>ONU</em>, se sont tendues
      Le contingent du Royaume-Uni quittera      | royaume-uni     | Le contingent du <em>Royaume-Uni</em> quittera
      Le contingent du Royaume-Uni quittera      | uni             | Le contingent du Royaume-<em>Uni</em> quittera
      ses militaires actuellement déployés       | militaire       | ses <em>militaires</em> actuellement déployés
      les soldats britanniques                   | BRITANNIQUE     | les soldats <em>britanniques</em>
      Les derniers militaires français           | "militaires français" | Les derniers <em>militaires</em> <em>français</em>
      incombe à Bamako                           | Bamako -Londres | incombe à <em>Bamako</em>
      incombe à Bamako                           | Heappey         | incombe à Bamako
      """)
  void marksWhatTheAnalyzerMatchedAtItsExactOffsets(String text, String query, String html) {
    assertEquals(html, snippet(text, query).toHtml());
  }

  @Test
  void aShortPassageIsKeptWhole() {
    Snippet s = snippet(SECURITE, "securite durable");
    assertEquals(SECURITE, s.text());
    assertEquals(3, s.matches().size());
    assertTrue(s.toHtml().contains("une <em>sécurité</em> <em>durables</em> »"), s.toHtml());
  }

  @Test
  void aLongPassageIsCutAroundTheBestWindowWithEllipses() {
    String filler = "Les discussions se sont poursuivies toute la journée entre les délégations. ";
    String text = filler.repeat(4) + "Un premier mot sur Bamako seul. " + filler.repeat(4)
        + "La responsabilité de tout cela incombe à Bamako, selon Londres. " + filler.repeat(4);
    Snippet s = snippet(text, "responsabilité Bamako", 160);

    assertTrue(s.text().startsWith("… "), s.text());
    assertTrue(s.text().endsWith(" …"), s.text());
    assertTrue(s.text().length() <= 160 + 4, s.text().length() + " chars: " + s.text());
    String inner = s.text().substring(2, s.text().length() - 2);
    assertTrue(text.contains(inner), "the cut is a piece of the passage: " + inner);
    // The window holding both words wins over the earlier one holding only Bamako.
    assertTrue(s.toHtml().contains("La <em>responsabilité</em> de tout cela incombe à <em>Bamako</em>"),
        s.toHtml());
    assertFalse(s.text().contains("premier mot"), s.text());
  }

  @Test
  void matchOffsetsInACutSnippetPointAtTheMatchedWords() {
    String filler = "Le texte de remplissage ne contient aucun des mots cherchés ici. ";
    String text = filler.repeat(6) + "Les soldats britanniques quittent le Mali, dit l’ONU. " + filler.repeat(6);
    Snippet s = snippet(text, "britanniques Mali l'ONU", 200);

    assertTrue(s.text().startsWith("… ") && s.text().endsWith(" …"), s.text());
    assertEquals(3, s.matches().size(), s.toHtml());
    assertEquals("britanniques", s.text().substring(s.matches().get(0).start(), s.matches().get(0).end()));
    assertEquals("Mali", s.text().substring(s.matches().get(1).start(), s.matches().get(1).end()));
    assertEquals("ONU", s.text().substring(s.matches().get(2).start(), s.matches().get(2).end()));
  }

  @Test
  void aMatchAtTheEndOfALongPassageIsShownWithoutATrailingEllipsis() {
    String text = "Rien à signaler dans ce paragraphe de remplissage. ".repeat(10) + "Fin à Bamako";
    Snippet s = snippet(text, "Bamako", 120);
    assertTrue(s.text().startsWith("… "), s.text());
    assertTrue(s.text().endsWith("Bamako"), s.text());
    assertTrue(s.toHtml().endsWith("à <em>Bamako</em>"), s.toHtml());
  }

  @Test
  void aLongPassageWithoutMatchesShowsItsBeginning() {
    String text = "Rien à signaler dans ce paragraphe de remplissage. ".repeat(10);
    Snippet s = snippet(text, "Bamako", 120);
    assertTrue(s.matches().isEmpty());
    assertTrue(s.text().startsWith("Rien à signaler"), s.text());
    assertTrue(s.text().endsWith(" …"), s.text());
  }
}
