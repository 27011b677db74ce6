package org.depeche.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Lemmas in {@link FrenchNewsAnalyzer}: what {@link FrenchLemmaFilter} joins and keeps apart. */
class FrenchLemmaFilterTest {
  private static final Analyzer ANALYZER = new FrenchNewsAnalyzer();

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  private static String term(String word) {
    List<Token> tokens = Analysis.tokens(ANALYZER, word);
    assertEquals(1, tokens.size(), () -> word + " → " + tokens);
    return tokens.get(0).term();
  }

  private static void assertSameTerm(String... words) {
    for (String word : words) {
      assertEquals(term(words[0]), term(word), words[0] + " / " + word);
    }
  }

  @Test
  void formsOfOneVerbMeetAtItsLemma() {
    assertEquals("faire", term("faire"));
    assertSameTerm("faire", "faisait", "fit", "feront", "faites");
    assertSameTerm("dire", "disait", "diront", "dirent");
    assertSameTerm("annoncer", "annonce", "annoncé", "annonçait", "annonceront");
  }

  @Test
  void dictionaryReadOnAnotherThreadServesTheAnalysisUnderWay() throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread reader = new Thread(() -> {
      try {
        Analysis.readDictionary();
      } catch (Throwable t) {
        failure[0] = t;
      }
    });
    reader.start();
    assertEquals("faire", term("faisait"));
    reader.join();
    assertEquals(null, failure[0]);
    Analysis.readDictionary();
    assertSameTerm("faire", "faisait", "fit", "feront", "faites");
  }

  @Test
  void irregularNounsAndAdjectivesMeetAtTheirLemma() {
    assertSameTerm("travail", "travaux");
    assertSameTerm("cheval", "chevaux");
    assertSameTerm("nouveau", "nouvelle", "nouveaux", "nouvelles");
    assertSameTerm("président", "présidente", "présidents", "présidentes");
  }

  @Test
  void wordsTypedWithoutAccentsGetTheLemmaOfTheirAccentedSpelling() {
    assertSameTerm("déployés", "deployes", "déployer");
    assertSameTerm("élections", "elections");
    assertSameTerm("cœur", "coeur", "cœurs");
    assertSameTerm("annoncé", "annonce");
    assertSameTerm("reçoit", "recoit", "recevoir");
  }

  @Test
  void wordsWithSeveralLemmasStayThemselves() {
    assertNotEquals(term("est"), term("être"), "the east, or is");
    assertNotEquals(term("été"), term("être"), "summer, or been");
    assertNotEquals(term("avions"), term("avoir"), "planes, or had");
    assertEquals(term("avions"), term("avion"));
    assertNotEquals(term("reçu"), term("recevoir"), "a receipt, or received");
  }

  @Test
  void accentLessWordIsReadAsItsCommonestSpelling() {
    assertSameTerm("fera", "faire");
  }

  @Test
  void participleUsedAsAdjectiveIsTheVerb() {
    assertSameTerm("situé", "situe", "situer", "située");
  }

  @Test
  void unknownWordsAreStemmedMinimally() {
    assertEquals("macronist", term("macronistes"));
    assertEquals("royaumeuni", Analysis.tokens(ANALYZER, "Royaume-Uni").get(0).term());
  }

  @Test
  void differentWordsThatALightStemmerWouldJoinStayApart() {
    assertNotEquals(term("maïs"), term("mai"));
    assertNotEquals(term("deux"), term("deuxième"));
    assertNotEquals(term("mari"), term("mariage"));
  }
}
