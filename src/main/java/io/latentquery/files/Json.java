package io.latentquery.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.latentquery.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One configured JSON mapper: pretty, sorted keys, so written files diff well and are byte-stable.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code value} as JSON atomically. */
  public static void write(Path target, Object value) {
    AtomicFiles.writeString(target, toJson(value));
  }

  public static <T> T read(Path source, Class<T> type) {
    if (!Files.isRegularFile(source)) {
      throw new InputException("missing file: " + source);
    }
    try {
      return MAPPER.readValue(source.toFile(), type);
    } catch (IOException e) {
      throw new InputException("cannot read " + source + ": " + ReadErrors.describe(e), e);
    }
  }

  public static JsonNode readTree(Path source) {
    return read(source, JsonNode.class);
  }
}
