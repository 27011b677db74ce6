package org.depeche.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of corpus files into text: UTF-8 by default, UTF-16 when a byte order mark says
 * so, Windows-1252 when the bytes are not valid UTF-8 (the usual encoding of old French files), and
 * a check that the text is not binary data.
 *
 * <p>Stateless and thread-safe.
 */
final class Decoding {

  /** The encoding tried when bytes are not valid UTF-8. */
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The warning given when text was read as Windows-1252. */
  static final String NOT_UTF8 = "not valid UTF-8; read as Windows-1252";

  /** How many characters at the start of a file {@link #looksBinary} looks at. */
  static final int SNIFF_CHARS = 1024;

  private Decoding() {}

  /**
   * The encoding announced by a byte order mark at the start of {@code bytes}, or UTF-8 when there
   * is none, with the length of the mark to skip.
   */
  record Bom(Charset charset, int length) {

    static Bom of(byte[] bytes, int size) {
      if (size >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (size >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (size >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return new Bom(StandardCharsets.UTF_8, 0);
    }

    boolean isUtf16() {
      return !charset.equals(StandardCharsets.UTF_8);
    }
  }

  /** Decoded text, and whether it had to be read as Windows-1252. */
  record Decoded(String text, boolean windows1252) {}

  /** Decodes a whole file: byte order mark first, else UTF-8, else Windows-1252. */
  static Decoded decode(byte[] bytes) {
    Bom bom = Bom.of(bytes, bytes.length);
    int length = bytes.length - bom.length();
    if (bom.isUtf16()) {
      return new Decoded(new String(bytes, bom.length(), length, bom.charset()), false);
    }
    return utf8OrWindows1252(StandardCharsets.UTF_8.newDecoder(), bytes, bom.length(), length);
  }

  /**
   * Decodes strict UTF-8 with {@code utf8} (a decoder that reports errors, reused by the caller),
   * falling back to Windows-1252.
   */
  static Decoded utf8OrWindows1252(CharsetDecoder utf8, byte[] bytes, int offset, int length) {
    try {
      return new Decoded(utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString(), false);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(bytes, offset, length, WINDOWS_1252), true);
    }
  }

  /**
   * Whether decoded text is binary data rather than text: a NUL character in its first {@value
   * #SNIFF_CHARS} characters, or more than 5% of them control characters other than tab, line
   * feed, form feed and carriage return. Only C0 controls count, so that the start of a UTF-8
   * file may be checked as ISO-8859-1 (one char per byte).
   */
  static boolean looksBinary(CharSequence text) {
    int n = Math.min(text.length(), SNIFF_CHARS);
    int controls = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
        controls++;
      }
    }
    return controls * 20 > n;
  }
}
