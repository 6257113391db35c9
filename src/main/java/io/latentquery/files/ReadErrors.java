package io.latentquery.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.stream.Collectors;

/**
 * Plain words for why a file could not be read, for the one line a user sees: no Java type names,
 * no empty or multi-line messages, no control characters copied from a damaged file.
 */
public final class ReadErrors {
  private static final int MAX_QUOTED = 120;

  private ReadErrors() {}

  /** Why reading failed, e.g. "it is not UTF-8 text" or the library's first line, cleaned. */
  public static String describe(Throwable e) {
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return describe(e.getCause());
    }
    if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    if (e instanceof EOFException) {
      return "it ends early (the file is truncated)";
    }
    if (e instanceof JsonProcessingException json) {
      return describeJson(json);
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "the file is damaged or truncated";
    }
    return printable(message);
  }

  /**
   * The JSON problem and where it is: an unknown or mistyped field named by its path, a value the
   * settings refused by their own message, or the parser's complaint, each with its line.
   */
  private static String describeJson(JsonProcessingException e) {
    String where =
        e.getLocation() == null || e.getLocation().getLineNr() < 1
            ? ""
            : " (line " + e.getLocation().getLineNr() + ")";
    String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
    String what;
    if (e instanceof UnrecognizedPropertyException unknown) {
      what =
          "Unrecognized field \""
              + printable(unknown.getPropertyName())
              + "\""
              + (unknown.getKnownPropertyIds() == null
                  ? ""
                  : "; known fields: "
                      + unknown.getKnownPropertyIds().stream()
                          .map(String::valueOf)
                          .sorted()
                          .collect(Collectors.joining(", ")));
    } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
      what = (field.isEmpty() ? "" : field + ": ") + describe(e.getCause());
    } else if (e instanceof InvalidFormatException invalid) {
      what =
          (field.isEmpty() ? "a value" : "field '" + field + "'")
              + " cannot be "
              + printable(String.valueOf(invalid.getValue()))
              + " (expected "
              + plainType(invalid.getTargetType())
              + ")";
    } else if (e instanceof MismatchedInputException mismatched) {
      what =
          (field.isEmpty() ? "the file" : "field '" + field + "'")
              + " has the wrong kind of value"
              + (mismatched.getTargetType() == null
                  ? ""
                  : " (expected " + plainType(mismatched.getTargetType()) + ")");
    } else {
      what = printable(withoutTypeNames(String.valueOf(e.getOriginalMessage())));
    }
    return what + where;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(printable(reference.getFieldName()));
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** "a number", "true or false", "text", "a list", "an object" for a Java target type. */
  private static String plainType(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == String.class) {
      return "text";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String withoutTypeNames(String message) {
    return message
        .replaceAll("\\s*\\([^()]*\\[Source:.*", "")
        .replaceAll("`[^`]*`", "a value")
        .replaceAll("\\(class [^)]*\\)", "");
  }

  /**
   * {@code text}'s first line with control characters shown as '?' and cut to a readable length, so
   * bytes copied from a damaged file cannot break the one-line message.
   */
  public static String printable(String text) {
    String first = text.strip();
    int newline = first.indexOf('\n');
    if (newline >= 0) {
      first = first.substring(0, newline).strip();
    }
    StringBuilder out = new StringBuilder();
    first
        .codePoints()
        .limit(MAX_QUOTED)
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isISOControl(c)
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                            || c == 0xFFFD
                        ? '?'
                        : c));
    if (first.codePointCount(0, first.length()) > MAX_QUOTED) {
      out.append("...");
    }
    return out.toString();
  }
}
