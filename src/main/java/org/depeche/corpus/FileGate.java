package org.depeche.corpus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides, file by file, whether a {@link CorpusReader} reads a corpus file, and hears when it has
 * been read: what an incremental indexer needs to skip the files it already holds.
 *
 * <pre>{@code
 * FileGate onlyNew = new FileGate() {
 *   public boolean open(Path file) { return !alreadyIndexed.contains(file); }
 *   public void done(Path file, boolean clean) { if (clean) alreadyIndexed.add(file); }
 * };
 * new CorpusReader().read(paths, onlyNew, indexer::add, System.err::println);
 * }</pre>
 *
 * <p>Called from the reading thread, one file at a time: {@code open}, then the file's articles
 * and problems, then {@code done}.
 */
public interface FileGate {
  /** A gate that reads every file. */
  FileGate ALL = new FileGate() {
    @Override
    public boolean open(Path file) {
      return true;
    }

    @Override
    public void done(Path file, boolean clean) {}
  };

  /**
   * Called before a corpus file found or given is read.
   *
   * @return whether to read it; a file not read is neither counted nor reported
   * @throws IOException when the caller's own storage fails; this stops the read
   */
  boolean open(Path file) throws IOException;

  /**
   * Called after a file {@link #open} let through has been read.
   *
   * @param clean whether it was read without an {@linkplain Problem.Severity#ERROR error}
   * @throws IOException when the caller's own storage fails; this stops the read
   */
  void done(Path file, boolean clean) throws IOException;
}
