package org.depeche.passage.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordsTest {
  private static List<String> words(String text) {
    Words w = new Words(text);
    List<String> out = new ArrayList<>();
    while (w.find()) {
      out.add(w.start() + ":" + w.group() + ":" + w.end());
    }
    return out;
  }

  @Test
  void wordsAreLettersAndDigitsWithApostrophesInside() {
    assertEquals(List.of("2:Oui:5", "9:a:10", "11:t:12", "13:il:15", "16:aujourd'hui:27", "28:l’État:34", "35:2022:39"),
        words("« Oui », a-t-il aujourd'hui l’État 2022 '"));
    assertEquals(List.of(), words(" « … » "));
  }

  @Test
  void wordsAgreeWithTheRegularExpressionTheyReplace() {
    Pattern word = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");
    String[] pieces = {"a", "É", "1", "²", "Ⅻ", "'", "’", "''", " ", "-", "«", "\uD835\uDC00", "\uD83D\uDE00", "\uDC00",
        "\uD835", "e\u0301", "٣"};
    Random random = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(9); k > 0; k--) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = s.toString();
      List<String> expected = new ArrayList<>();
      Matcher m = word.matcher(text);
      while (m.find()) {
        expected.add(m.start() + ":" + m.group() + ":" + m.end());
      }
      assertEquals(expected, words(text), text);
    }
  }
}
