package org.depeche.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content fingerprint of a corpus file: the SHA-256 of its bytes, in hex. A file touched but
 * not changed keeps its fingerprint; a file changed in any byte gets another.
 *
 * <pre>{@code
 * Fingerprint.of(Path.of("corpus/a.txt"));   // "9f86d081884c7d659a2feaa0c55ad015…"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /**
   * Returns the fingerprint of the file's bytes, read as a stream.
   *
   * @throws IOException when the file cannot be read
   */
  public static String of(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
