package org.depeche.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.depeche.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PassageSplitterTest {

  @Test
  void eachShortParagraphIsOnePassageNumberedInReadingOrder() {
    Article a =
        Article.builder("mali.txt")
            .paragraph("Le Royaume-Uni a annoncé le retrait de ses militaires.")
            .paragraph("  Londres a décidé d'anticiper.  ")
            .build();
    assertEquals(
        List.of(
            new Passage("mali.txt", 0, "Le Royaume-Uni a annoncé le retrait de ses militaires."),
            new Passage("mali.txt", 1, "Londres a décidé d'anticiper.")),
        PassageSplitter.split(a));
    assertEquals("mali.txt#1", PassageSplitter.split(a).get(1).id());
  }

  /** Sentence sizes in words, the limit, and the sizes of the passages expected. */
  static Stream<Arguments> packings() {
    return Stream.of(
        Arguments.of("fits: one passage", sizes(4, 3, 3), 10, sizes(10)),
        Arguments.of("just over: two", sizes(4, 4, 4), 10, sizes(8, 4)),
        Arguments.of("130 words: 70 + 60, not 120 + 10", repeat(10, 13), 120, sizes(70, 60)),
        Arguments.of("12 + 1: even halves", sizes(3, 3, 3, 3, 1), 12, sizes(6, 7)),
        Arguments.of("pairs that fit", sizes(6, 5, 5, 6), 11, sizes(11, 11)),
        Arguments.of("fewest passages first", sizes(6, 5, 5, 6), 10, sizes(6, 10, 6)),
        Arguments.of("long sentence stays whole", sizes(3, 30, 3), 10, sizes(3, 30, 3)),
        Arguments.of("4 × limit stays whole", sizes(2, 40), 10, sizes(2, 40)),
        Arguments.of("absurd sentence cut evenly", sizes(41), 10, sizes(8, 8, 8, 8, 9)),
        Arguments.of("absurd sentence among others", sizes(3, 50, 3), 10, sizes(3, 10, 10, 10, 10, 10, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packings")
  void packsWholeSentencesEvenly(String name, int[] sentences, int maxWords, int[] expected) {
    StringBuilder text = new StringBuilder();
    for (int words : sentences) {
      text.append("Mot").append(" mot".repeat(words - 1)).append(". ");
    }
    List<Passage> passages = PassageSplitter.split(article(text.toString()), maxWords);
    assertEquals(
        Arrays.toString(expected),
        Arrays.toString(passages.stream().mapToInt(p -> words(p.text())).toArray()));
    assertNoTextLost(text.toString(), passages);
  }

  /** The longest paragraphs of three OrangeSum articles, and the sizes of their passages. */
  static Stream<Arguments> realParagraphs() throws IOException {
    List<String[]> fixtures = longParagraphs();
    return Stream.of(
        Arguments.of(fixtures.get(0)[0], fixtures.get(0)[1], sizes(84, 84, 87)),
        Arguments.of(fixtures.get(1)[0], fixtures.get(1)[1], sizes(77, 106, 80)),
        Arguments.of(
            fixtures.get(2)[0],
            fixtures.get(2)[1],
            sizes(104, 111, 108, 91, 93, 73, 120, 108, 96, 108, 119, 73, 93)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realParagraphs")
  void cutsRealLongParagraphsAtSentenceEnds(String id, String paragraph, int[] expected) {
    Article a = Article.builder(id).paragraph("Chapeau.").paragraph(paragraph).build();
    List<Passage> passages = PassageSplitter.split(a);
    assertEquals(new Passage(id, 0, "Chapeau."), passages.get(0));
    List<Passage> cut = passages.subList(1, passages.size());
    assertEquals(
        Arrays.toString(expected),
        Arrays.toString(cut.stream().mapToInt(p -> words(p.text())).toArray()));
    for (int i = 0; i < cut.size(); i++) {
      Passage p = cut.get(i);
      assertEquals(id + "#" + (i + 1), p.id());
      assertTrue(paragraph.contains(p.text()), "passage is a piece of the paragraph");
      if (i < cut.size() - 1) {
        assertTrue(p.text().matches("(?s).*[.!?…][\"»)]?"), "ends a sentence: " + p.text());
      }
    }
    assertNoTextLost(paragraph, cut);
  }

  @Test
  void aMegabyteWithoutPunctuationIsCutAtSpaces() {
    String text = "mot ".repeat(250_000);
    List<Passage> passages = PassageSplitter.split(article(text));
    assertEquals((250_000 + 119) / 120, passages.size());
    assertTrue(passages.stream().allMatch(p -> words(p.text()) <= 120));
    assertNoTextLost(text, passages);
  }

  @Test
  void refusesALimitBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> PassageSplitter.split(article("Mot."), 0));
  }

  private static void assertNoTextLost(String paragraph, List<Passage> passages) {
    StringBuilder joined = new StringBuilder();
    for (Passage p : passages) {
      joined.append(p.text()).append(' ');
    }
    assertEquals(normalize(paragraph), normalize(joined.toString()));
  }

  private static String normalize(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  private static Article article(String text) {
    return Article.builder("a").paragraph(text).build();
  }

  private static int[] sizes(int... sizes) {
    return sizes;
  }

  private static int[] repeat(int size, int count) {
    int[] out = new int[count];
    Arrays.fill(out, size);
    return out;
  }

  /** Reads {@code long-paragraphs.txt} as pairs of {article id, paragraph}. */
  private static List<String[]> longParagraphs() throws IOException {
    List<String[]> out = new ArrayList<>();
    String[] lines = SentenceSplitterTest.read("/passage/long-paragraphs.txt").split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("@ ")) {
        out.add(new String[] {lines[i].split(" ")[1], lines[i + 1]});
      }
    }
    return out;
  }
}
