package io.latentquery.eval;

import io.latentquery.InputException;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The results folder of a grid: one small JSON file per finished cell, written atomically, so a
 * cell file that exists is complete and its cell never has to be computed again.
 */
public final class CellStore {
  private final Path folder;

  public CellStore(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  public Path path(CellKey key) {
    return folder.resolve(key.fileName());
  }

  public boolean contains(CellKey key) {
    return Files.isRegularFile(path(key));
  }

  /** The stored result of {@code key}, checked to be that cell's. */
  public Optional<CellResult> read(CellKey key) {
    Path file = path(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    CellResult result = Json.read(file, CellResult.class);
    if (!key.equals(result.key())) {
      throw new InputException(
          file + " holds the result of cell " + result.key() + ", expected " + key);
    }
    return Optional.of(result);
  }

  public void write(CellResult result) {
    Json.write(path(result.key()), result);
  }

  /** The stored results among {@code keys}, in their order. */
  public Map<CellKey, CellResult> readAll(Collection<CellKey> keys) {
    Map<CellKey, CellResult> results = new LinkedHashMap<>();
    for (CellKey key : keys) {
      read(key).ifPresent(result -> results.put(key, result));
    }
    return results;
  }
}
