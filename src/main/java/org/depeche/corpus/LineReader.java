package org.depeche.corpus;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the lines of a JSONL file, gzipped or not, without holding the file in memory.
 *
 * <p>The start of the file decides its encoding: UTF-16 when it has a UTF-16 byte order mark,
 * otherwise UTF-8 (a UTF-8 mark is skipped). UTF-8 is checked line by line: a line that is not
 * valid UTF-8 is read as Windows-1252, and {@link #lastWasWindows1252()} says so. Lines end at
 * {@code \n}; a {@code \r} before it is dropped.
 *
 * <p>Not thread-safe: one reader per file.
 */
final class LineReader implements Closeable {

  private static final int BUFFER_SIZE = 1 << 16;

  private final InputStream in;
  private final BufferedReader utf16;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
  private final byte[] buffer;
  private int position;
  private int limit;
  private byte[] line = new byte[8192];
  private int lineNumber;
  private boolean windows1252;
  private IOException failure;

  private LineReader(
      InputStream in,
      byte[] buffer,
      int position,
      int limit,
      BufferedReader utf16,
      IOException failure) {
    this.in = in;
    this.buffer = buffer;
    this.position = position;
    this.limit = limit;
    this.utf16 = utf16;
    this.failure = failure;
  }

  /**
   * Opens {@code file}, gunzipping it when {@code gzip}, and checks its start.
   *
   * @throws BadInputException when the file is empty, not gzip data, or binary
   * @throws IOException when the file cannot be opened or read
   */
  static LineReader open(Path file, boolean gzip) throws IOException, BadInputException {
    if (Files.size(file) == 0) {
      throw new BadInputException("empty file");
    }
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream in = gzip ? gunzip(raw) : raw;
      byte[] buffer = new byte[BUFFER_SIZE];
      int limit = 0;
      IOException failure = null;
      // A read failure here is kept for next(), so that the lines before it are still read.
      try {
        while (limit < Decoding.SNIFF_CHARS * 2) {
          int n = in.read(buffer, limit, buffer.length - limit);
          if (n < 0) {
            break;
          }
          limit += n;
        }
      } catch (IOException e) {
        failure = e;
      }
      Decoding.Bom bom = Decoding.Bom.of(buffer, limit);
      String head;
      BufferedReader utf16 = null;
      if (bom.isUtf16()) {
        int size = Math.min(limit - bom.length(), Decoding.SNIFF_CHARS * 2) & ~1;
        head = new String(buffer, bom.length(), size, bom.charset());
        InputStream rest = new ByteArrayInputStream(buffer, bom.length(), limit - bom.length());
        utf16 =
            new BufferedReader(
                new InputStreamReader(new SequenceInputStream(rest, in), bom.charset()), BUFFER_SIZE);
      } else {
        // Control characters are ASCII in UTF-8 and Windows-1252 alike: one char per byte will do.
        int size = Math.min(limit - bom.length(), Decoding.SNIFF_CHARS);
        head = new String(buffer, bom.length(), size, StandardCharsets.ISO_8859_1);
      }
      if (Decoding.looksBinary(head)) {
        throw new BadInputException("binary file");
      }
      return new LineReader(in, buffer, bom.length(), limit, utf16, failure);
    } catch (IOException | BadInputException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static InputStream gunzip(InputStream raw) throws IOException, BadInputException {
    try {
      return new GZIPInputStream(raw, BUFFER_SIZE);
    } catch (ZipException | EOFException e) {
      throw new BadInputException("not a gzip file");
    }
  }

  /**
   * Returns the next line without its line end, or {@code null} at the end of the file.
   *
   * @throws IOException when the file cannot be read further (for gzip data: truncated or corrupt)
   */
  String next() throws IOException {
    windows1252 = false;
    if (utf16 != null) {
      String s = utf16.readLine();
      if (s == null && failure != null) {
        throw failure;
      }
      if (s != null) {
        lineNumber++;
      }
      return s;
    }
    int length = 0;
    while (true) {
      if (position == limit) {
        if (failure != null) {
          throw failure;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
          if (length == 0) {
            return null;
          }
          break;
        }
        position = 0;
        limit = n;
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int chunk = position - start;
      if (length + chunk > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
      }
      System.arraycopy(buffer, start, line, length, chunk);
      length += chunk;
      if (position < limit) {
        position++;
        break;
      }
    }
    lineNumber++;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    Decoding.Decoded decoded = Decoding.utf8OrWindows1252(utf8, line, 0, length);
    windows1252 = decoded.windows1252();
    return decoded.text();
  }

  /** The number of the line last returned by {@link #next}, from 1; 0 before the first. */
  int lineNumber() {
    return lineNumber;
  }

  /** Whether the line last returned was not valid UTF-8 and was read as Windows-1252. */
  boolean lastWasWindows1252() {
    return windows1252;
  }

  /**
   * Closes the file. A failure to close an input changes nothing that was read, so it is not
   * reported.
   */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written; see the javadoc.
    }
  }
}
