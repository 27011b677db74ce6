package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.depeche.Snippet.Match;
import org.junit.jupiter.api.Test;

class SnippetTest {

  @Test
  void toHtmlWrapsEachMatchInEm() {
    Snippet s = new Snippet("… incombe à Bamako, dit Heappey", List.of(new Match(12, 18), new Match(24, 31)));
    assertEquals("… incombe à <em>Bamako</em>, dit <em>Heappey</em>", s.toHtml());
  }

  @Test
  void toHtmlEscapesAngleBracketsAndAmpersandsInsideAndOutsideMatches() {
    String text = "a < b && c > d <Mali> & fin";
    Snippet s = new Snippet(text, List.of(new Match(text.indexOf("<Mali>"), text.indexOf("<Mali>") + 6)));
    assertEquals("a &lt; b &amp;&amp; c &gt; d <em>&lt;Mali&gt;</em> &amp; fin", s.toHtml());
  }

  @Test
  void toHtmlOfATextWithoutMatchesIsTheEscapedText() {
    assertEquals("AT&amp;T", new Snippet("AT&T", List.of()).toHtml());
  }

  @Test
  void renderUsesTheGivenMarksAndDoesNotEscape() {
    Snippet s = new Snippet("<b> Mali", List.of(new Match(4, 8)));
    assertEquals("<b> [Mali]", s.render("[", "]"));
    assertEquals("<b> Mali", s.toString());
  }

  @Test
  void matchesThatOverlapOrFallOutsideTheTextAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Snippet("Mali Bamako", List.of(new Match(0, 4), new Match(3, 11))));
    assertThrows(IllegalArgumentException.class,
        () -> new Snippet("Mali", List.of(new Match(0, 5))));
    assertThrows(IllegalArgumentException.class,
        () -> new Snippet("Mali", List.of(new Match(2, 2))));
  }
}
