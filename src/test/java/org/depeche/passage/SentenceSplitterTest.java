package org.depeche.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsAsTheTableSays(String input, List<String> expected) {
    assertEquals(expected, SentenceSplitter.split(input));
  }

  @Test
  void aSpaceIsWhiteSpaceOrASpaceCharacterOverAllOfUtf16() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      String at = String.format("U+%04X", c);
      assertEquals(Character.isWhitespace(c) || Character.isSpaceChar(c), SentenceSplitter.isSpace((char) c), at);
    }
  }

  @Test
  void initialsAreUpperCaseLettersJoinedByDots() {
    for (String w : List.of("J", "J.-C", "U.S", "É.U", "R.R.R", "\uD835\uDC00.B")) {
      assertTrue(SentenceSplitter.isInitials(w), w);
    }
    for (String w : List.of("", "j", "J.", "J.-", "JR", "J..C", "J-C", "J.c", "Dr", "\u24B6", "J.-.C")) {
      assertFalse(SentenceSplitter.isInitials(w), w);
    }
  }

  @Test
  void initialsAgreeWithTheRegularExpressionTheyReplace() {
    Pattern initials = Pattern.compile("\\p{Lu}(?:\\.-?\\p{Lu})*");
    char[] alphabet = {'A', 'É', 'b', '.', '-', 'x', 'Z', '\u01C5', '\u24B6', '\uD835', '\uDC00'};
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      char[] word = new char[1 + random.nextInt(6)];
      for (int k = 0; k < word.length; k++) {
        word[k] = alphabet[random.nextInt(alphabet.length)];
      }
      String w = new String(word);
      assertEquals(initials.matcher(w).matches(), SentenceSplitter.isInitials(w), w);
    }
  }

  @Test
  void blankTextHasNoSentence() {
    assertEquals(List.of(), SentenceSplitter.split(""));
    assertEquals(List.of(), SentenceSplitter.split(" \u00A0\t "));
  }

  @Test
  void noBreakSpacesCountAsSpaces() {
    assertEquals(
        List.of("Vraiment\u202F?", "Oui."), SentenceSplitter.split("Vraiment\u202F?\u00A0Oui."));
  }

  @Test
  void sentencesAreTheTextModuloWhitespace() throws IOException {
    for (Arguments c : cases().toList()) {
      String input = (String) c.get()[0];
      assertEquals(
          input.strip().replaceAll("\\s+", " "),
          String.join(" ", SentenceSplitter.split(input)).replaceAll("\\s+", " "));
    }
  }

  @Test
  void longTextsWithoutSpacesOrWithManyDotsSplitInLinearTime() {
    String dots = "a.".repeat(500_000);
    String initials = "A. ".repeat(300_000);
    String sentences = "Il part. ".repeat(100_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertEquals(1, SentenceSplitter.split(dots).size());
          assertEquals(1, SentenceSplitter.split(initials).size());
          assertEquals(100_000, SentenceSplitter.split(sentences).size());
        });
  }

  /** Reads {@code sentences.txt}: a "< input" line, then "> sentence" lines, per case. */
  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    String input = null;
    List<String> expected = new ArrayList<>();
    for (String line : read("/passage/sentences.txt").split("\n", -1)) {
      if (line.startsWith("< ")) {
        input = line.substring(2);
      } else if (line.startsWith("> ")) {
        expected.add(line.substring(2));
      } else if (line.isEmpty() && input != null) {
        out.add(Arguments.of(input, List.copyOf(expected)));
        input = null;
        expected.clear();
      }
    }
    if (input != null) {
      out.add(Arguments.of(input, List.copyOf(expected)));
    }
    return out.stream();
  }

  static String read(String resource) throws IOException {
    try (InputStream in = SentenceSplitterTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
