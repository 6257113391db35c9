package io.latentquery;

import io.latentquery.data.DataCatalog;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(UsesTestData.class)}: each test reads built-in datasets from {@link
 * TestData#dataDir()} (the {@link DataCatalog#DATA_DIR_PROPERTY} property), and the property's
 * previous value is restored afterwards.
 */
public final class UsesTestData implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(UsesTestData.class);
  private static final String UNSET = "";

  @Override
  public void beforeEach(ExtensionContext context) {
    String previous = System.getProperty(DataCatalog.DATA_DIR_PROPERTY, UNSET);
    context.getStore(NAMESPACE).put(DataCatalog.DATA_DIR_PROPERTY, previous);
    System.setProperty(DataCatalog.DATA_DIR_PROPERTY, TestData.dataDir().toString());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    String previous = context.getStore(NAMESPACE).get(DataCatalog.DATA_DIR_PROPERTY, String.class);
    if (previous == null || previous.equals(UNSET)) {
      System.clearProperty(DataCatalog.DATA_DIR_PROPERTY);
    } else {
      System.setProperty(DataCatalog.DATA_DIR_PROPERTY, previous);
    }
  }
}
