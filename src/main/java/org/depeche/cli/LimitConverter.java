package org.depeche.cli;

import org.depeche.SearchOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the {@code -n} of every command: a whole number from 1 to {@link SearchOptions#MAX_LIMIT}.
 * A bad value is a usage error: {@code Invalid value for option '-n': must be between 1 and 10000,
 * not 0}.
 */
final class LimitConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int limit;
    try {
      limit = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a whole number: '" + value + "'");
    }
    if (limit < 1 || limit > SearchOptions.MAX_LIMIT) {
      throw new TypeConversionException("must be between 1 and " + SearchOptions.MAX_LIMIT + ", not " + limit);
    }
    return limit;
  }
}
