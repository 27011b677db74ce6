package org.depeche.analysis;

import java.util.Arrays;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** The implementation of {@link UnstemmedTermAttribute}, which Lucene finds by its name. */
public final class UnstemmedTermAttributeImpl extends AttributeImpl implements UnstemmedTermAttribute {
  private char[] buffer = new char[16];
  private int length;

  /** Makes an empty term. */
  public UnstemmedTermAttributeImpl() {}

  @Override
  public char[] buffer() {
    return buffer;
  }

  @Override
  public int length() {
    return length;
  }

  /** Sets the term to {@code chars[0..length)}. */
  void copy(char[] chars, int length) {
    if (buffer.length < length) {
      buffer = new char[ArrayUtil.oversize(length, Character.BYTES)];
    }
    System.arraycopy(chars, 0, buffer, 0, length);
    this.length = length;
  }

  @Override
  public void clear() {
    length = 0;
  }

  @Override
  public void copyTo(AttributeImpl target) {
    ((UnstemmedTermAttributeImpl) target).copy(buffer, length);
  }

  @Override
  public UnstemmedTermAttributeImpl clone() {
    UnstemmedTermAttributeImpl copy = (UnstemmedTermAttributeImpl) super.clone();
    copy.buffer = Arrays.copyOf(buffer, Math.max(length, 1));
    return copy;
  }

  @Override
  public void reflectWith(AttributeReflector reflector) {
    reflector.reflect(UnstemmedTermAttribute.class, "unstemmed", new String(buffer, 0, length));
  }
}
