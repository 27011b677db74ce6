package org.depeche.passage.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.depeche.Article;
import org.depeche.passage.PassageSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuoteFinderTest {

  /** An article's text (paragraphs separated by blank lines) → its quotations as "speaker: text". */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("« Nous partons demain », a déclaré le ministre Jean Dupont.",
            List.of("Jean Dupont: Nous partons demain")),
        Arguments.of("Marie Curie a déclaré : «Nous partons demain».",
            List.of("Marie Curie: Nous partons demain")),
        Arguments.of("Le maire Pierre Martin estime que « la ville peut mieux faire ».",
            List.of("Pierre Martin: la ville peut mieux faire")),
        Arguments.of("« La ville peut mieux faire », selon Pierre Martin.",
            List.of("Pierre Martin: La ville peut mieux faire")),
        Arguments.of("Sophie Durand était à Lyon. « Je reste ici », affirme-t-elle.",
            List.of("Sophie Durand: Je reste ici")),
        Arguments.of("Paul Lefort parle. « Un », a dit Lefort. « Deux mots ici », a affirmé M. Lefort.",
            List.of("Paul Lefort: Deux mots ici")),
        Arguments.of("“Il faut partir maintenant”, a insisté Jean Dupont.",
            List.of("Jean Dupont: Il faut partir maintenant")),
        Arguments.of("\"Il faut partir maintenant\", a insisté Jean Dupont.",
            List.of("Jean Dupont: Il faut partir maintenant")),
        Arguments.of("« Merci pour ce moment », tweete un internaute.",
            List.of("?: Merci pour ce moment")),
        Arguments.of("« Une phrase sans personne pour la dire ».",
            List.of("?: Une phrase sans personne pour la dire")),
        Arguments.of("Jean Dupont parle de « charges » et de « polémiques minables ».", List.of()),
        Arguments.of("Elle était invitée de l'émission « Le Grand Rendez-vous du dimanche ».", List.of()),
        Arguments.of("Jean Dupont a déclaré : « Le parti de \"l'anti-France\" est là ».",
            List.of("Jean Dupont: Le parti de \"l'anti-France\" est là")),
        Arguments.of("Jean Dupont a déclaré : « Nous disons « ni droite, ni gauche » ici ».",
            List.of("Jean Dupont: Nous disons « ni droite, ni gauche » ici")),
        Arguments.of("Jean Dupont a déclaré : « Premier paragraphe.\n\n« Second paragraphe, la suite. »",
            List.of("Jean Dupont: Premier paragraphe. Second paragraphe, la suite.")),
        Arguments.of("Un « guillemet jamais fermé pendant longtemps.\n\nA.\n\nB.\n\nC.\n\nD.", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsQuotationsAndSpeakersAsTheTableSays(String text, List<String> expected) {
    List<String> found = new ArrayList<>();
    for (QuoteFinder.Found f : QuoteFinder.find(null, Article.paragraphsOf(text))) {
      found.add((f.speaker() == null ? "?" : f.speaker()) + ": " + f.text());
    }
    assertEquals(expected, found);
  }

  @Test
  void theSeedArticleHasFourStatementsByJamesHeappeyInPassagesOneTwoThreeAndEight() throws IOException {
    String text;
    try (InputStream in = QuoteFinderTest.class.getResourceAsStream("/corpus/royaume-uni-retrait-mali.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Article article = Article.builder("royaume-uni-retrait-mali.txt")
        .text(String.join("\n\n", text.lines().toList())).build();
    var passages = PassageSplitter.split(article);
    List<List<Quotation>> quotes = QuoteFinder.byPassage(article, passages);

    List<String> got = new ArrayList<>();
    for (int p = 0; p < quotes.size(); p++) {
      for (Quotation q : quotes.get(p)) {
        got.add("#" + p + " " + q.speaker() + " (" + q.role() + "): " + q.text().substring(0, 20));
      }
    }
    String role = "secrétaire d’Etat aux forces armées";
    assertEquals(List.of(
        "#1 James Heappey (" + role + "): Le contingent du Roy",
        "#2 James Heappey (" + role + "): Nous devons être cla",
        "#3 James Heappey (" + role + "): ne peut pas déployer",
        "#8 James Heappey (" + role + "): Nous travaillons étr"), got);
  }

  @Test
  void leadingDashAndSelonAgreeWithTheRegularExpressionsTheyReplace() {
    java.util.regex.Pattern dash = java.util.regex.Pattern.compile("^[,;–—-]\\s*");
    java.util.regex.Pattern selon = java.util.regex.Pattern.compile("(?:[Ss]elon|[Dd]['’]après)\\s");
    String[] pieces = {",", ";", "–", "—", "-", " ", "\t", "\n", "\u00A0", "selon", "Selon", "SELON", "d'après",
        "D’après", "d'", "après", "x", "«"};
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(5); k > 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = b.toString();
      assertEquals(dash.matcher(s).replaceFirst(""), QuoteFinder.withoutLeadingDash(s), s);
      assertEquals(selon.matcher(s).lookingAt(), QuoteFinder.startsWithSelon(s), s);
    }
  }

  @Test
  void phraseEndsAtTheFirstPunctuation() {
    assertEquals("le ministre ", QuoteFinder.phraseOf("le ministre (LR), hier"));
    assertEquals("Jean Dupont", QuoteFinder.phraseOf("Jean Dupont"));
    assertEquals("", QuoteFinder.phraseOf("« Non »"));
  }

  @Test
  void phraseAgreesWithTheRegularExpressionItReplaces() {
    java.util.regex.Pattern end = java.util.regex.Pattern.compile("(?s)[,;:.(«“\"\\n].*$");
    String[] pieces = {",", ";", ":", ".", "(", ")", "«", "»", "“", "\"", "\n", "\r", "\r\n", "\u2028", " ", "x", "Mme"};
    java.util.Random random = new java.util.Random(23);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(7); k > 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = b.toString();
      assertEquals(end.matcher(s).replaceFirst(""), QuoteFinder.phraseOf(s), s);
    }
  }
}
