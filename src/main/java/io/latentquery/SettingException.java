package io.latentquery;

/**
 * An impossible value of one named setting, thrown by a settings record's validation. It names the
 * record component ({@code batchSize}) apart from the problem ({@code must be >= 1, got 0}), so
 * that a front end can name the setting as its user wrote it: the command line says {@code
 * --batch-size must be >= 1, got 0}. Its message, for callers of the library, is the two joined:
 * {@code batchSize must be >= 1, got 0}.
 */
public class SettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String problem;

  /**
   * @param setting the settings record's component, e.g. {@code batchSize}
   * @param problem what is wrong with its value, read after the setting's name, e.g. {@code must be
   *     >= 1, got 0}
   */
  public SettingException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /**
   * For a library message that names the setting in words: {@code ("degreesOfFreedom", "degrees of
   * freedom", "must be > 0, got 0")} reads {@code degrees of freedom must be > 0, got 0}.
   *
   * @param setting the settings record's component
   * @param subject how the message names it
   * @param problem what is wrong with its value, read after the subject
   */
  public SettingException(String setting, String subject, String problem) {
    super(subject + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /** The settings record's component whose value is impossible. */
  public String setting() {
    return setting;
  }

  /** What is wrong with the value, to be read after the setting's name. */
  public String problem() {
    return problem;
  }

  /** The problem told about {@code name}, e.g. the flag that set the value. */
  public String messageFor(String name) {
    return name + " " + problem;
  }
}
