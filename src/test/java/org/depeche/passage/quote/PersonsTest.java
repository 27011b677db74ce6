package org.depeche.passage.quote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans of {@link Persons} against the regular expressions they replaced, which
 * stay here as the reference: on random text built from the pieces that decide a match.
 */
class PersonsTest {
  private static final String[] PIECES = {
    "de", "Du", "DES", "des", "à", "À", "au", "AUX", "en", "pour", "Sur", "dans", "contre", "d", "l", "D", "L",
    "'", "’", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000B", "\f", "\u2028", "\u2029", "\u0085", "\u00A0",
    "M", ".", "Mme", "Monsieur", "Madame", "x", "é", "e\u0301", "\uD835\uDC00", "\uDC00", "1", "-", "(",
  };

  private static String random(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(7); i > 0; i--) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  @Test
  void anUpperCaseSymbolStartsNoRunAndDoesNotHang() {
    // Ⓐ is upper case (Other_Uppercase) but no letter: runs() looped on it for ever.
    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertArrayEquals(new int[] {8, 19}, Persons.runs("le Ⓐ et Marie Curie")));
  }

  @Test
  void complementIsAPrepositionOrAnElisionAtTheEnd() {
    assertTrue(Persons.endsWithComplement("le candidat d'"));
    assertTrue(Persons.endsWithComplement("la maire de "));
    assertTrue(Persons.endsWithComplement("ministre DES  "));
    assertTrue(Persons.endsWithComplement("le chef de\n"));
    assertFalse(Persons.endsWithComplement("le chef de"));
    assertFalse(Persons.endsWithComplement("la ville de Paris"));
    assertFalse(Persons.endsWithComplement("le monde "));
    assertFalse(Persons.endsWithComplement("À "), "the regex folds ASCII letters only");
  }

  @Test
  void complementAgreesWithTheRegularExpressionItReplaces() {
    Pattern complement = Pattern.compile(
        "(?:(?<!\\p{L})(?:de|du|des|à|au|aux|en|pour|sur|par|avec|chez|contre|entre|vers|dans)\\s+|(?<!\\p{L})d['’]|(?<!\\p{L})l['’])$",
        Pattern.CASE_INSENSITIVE);
    Random random = new Random(7);
    for (int i = 0; i < 300_000; i++) {
      String s = random(random);
      assertEquals(complement.matcher(s).find(), Persons.endsWithComplement(s), () -> escape(s));
    }
  }

  @Test
  void titleIsAnHonorificAtTheEnd() {
    assertTrue(Persons.endsWithTitle("a déclaré M. "));
    assertTrue(Persons.endsWithTitle("Mme"));
    assertTrue(Persons.endsWithTitle("(Madame  "));
    assertFalse(Persons.endsWithTitle("xM. "));
    assertFalse(Persons.endsWithTitle("mme "));
  }

  @Test
  void titleAgreesWithTheRegularExpressionItReplaces() {
    Pattern title = Pattern.compile("(?<!\\p{L})(?:M\\.?|Mme\\.?|Monsieur|Madame)\\s*$");
    Random random = new Random(11);
    for (int i = 0; i < 300_000; i++) {
      String s = random(random);
      assertEquals(title.matcher(s).find(), Persons.endsWithTitle(s), () -> escape(s));
    }
  }

  @Test
  void sentenceStartsAfterTheLastSentenceEnd() {
    assertEquals(14, Persons.sentenceStart("Il est parti. Selon lui"));
    assertEquals(9, Persons.sentenceStart("« Oui. » Ensuite Marie"));
    assertEquals(17, Persons.sentenceStart("« Oui. » Ensuite\nMarie"));
    assertEquals(0, Persons.sentenceStart("M.Dupont a dit"));
    assertEquals(0, Persons.sentenceStart(""));
  }

  @Test
  void sentenceStartAgreesWithTheRegularExpressionItReplaces() {
    Pattern sentenceEnd = Pattern.compile("(?:[.!?»]\\s|\\n)");
    String[] pieces = {".", "!", "?", "»", "«", " ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "\u2028", "a", "M", ","};
    Random random = new Random(17);
    for (int i = 0; i < 300_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(9); k > 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = b.toString();
      Matcher m = sentenceEnd.matcher(s);
      int expected = 0;
      while (m.find()) {
        expected = m.end();
      }
      assertEquals(expected, Persons.sentenceStart(s), () -> escape(s));
    }
  }

  @Test
  void foldAgreesWithTheRegularExpressionItReplaces() {
    Pattern marks = Pattern.compile("\\p{M}");
    Random random = new Random(13);
    for (int i = 0; i < 100_000; i++) {
      String s = random(random) + (random.nextBoolean() ? "Élysée\u0903\u20DD" : "");
      boolean ascii = s.chars().allMatch(c -> c < 128);
      String folded = ascii ? s : marks.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
      assertEquals(folded.toLowerCase(Locale.ROOT).replace('’', '\''), Persons.fold(s), () -> escape(s));
    }
    assertEquals("elysee", Persons.fold("Élysée"));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
    return out.toString();
  }
}
