package io.latentquery.cli;

import io.latentquery.SettingException;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors that name the flag the user typed. A settings record refuses a value with a {@link
 * SettingException} naming its component ({@code batchSize must be >= 1, got 0}); the command's
 * option that sets the component is the one annotated {@link Sets} with its name, else the one
 * spelt as the name in kebab case ({@code --batch-size}), and the user reads {@code --batch-size
 * must be >= 1, got 0}.
 *
 * <p>Only what a command does while turning its options into settings is a usage error (exit 2):
 * {@link #settings} marks that stretch. An {@link IllegalArgumentException} thrown later, by a
 * library in the middle of the run, is a runtime failure (exit 1), unless it is a {@link
 * SettingException} about a setting one of the command's flags set (see {@link ErrorHandler}).
 */
final class OptionErrors {
  private OptionErrors() {}

  /** A usage error of {@code spec}'s command: one line, a pointer to --help, exit code 2. */
  static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * {@code refused} as a usage error of {@code spec}'s command, naming the flag where it is a
   * setting's.
   */
  static ParameterException usage(CommandSpec spec, IllegalArgumentException refused) {
    return new ParameterException(spec.commandLine(), message(spec, refused), refused);
  }

  /**
   * Runs {@code build}, which turns options into settings: a value it refuses is the user's doing,
   * so an {@link IllegalArgumentException} becomes a usage error naming the flag.
   */
  static <T> T settings(CommandSpec spec, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException refused) {
      throw usage(spec, refused);
    }
  }

  /** Runs {@code check} of the options given, as {@link #settings} does. */
  static void check(CommandSpec spec, Runnable check) {
    settings(
        spec,
        () -> {
          check.run();
          return null;
        });
  }

  /** The message of {@code refused} with the flag in place of a setting's name. */
  static String message(CommandSpec spec, IllegalArgumentException refused) {
    if (refused instanceof SettingException setting) {
      return flag(spec, setting.setting()).map(setting::messageFor).orElse(setting.getMessage());
    }
    return refused.getMessage();
  }

  /** The flag of {@code spec}'s command that sets {@code setting}, if it has one. */
  static Optional<String> flag(CommandSpec spec, String setting) {
    for (OptionSpec option : spec.options()) {
      if (option.userObject() instanceof AnnotatedElement element) {
        Sets sets = element.getAnnotation(Sets.class);
        if (sets != null && List.of(sets.value()).contains(setting)) {
          return Optional.of(option.longestName());
        }
      }
    }
    return Optional.ofNullable(spec.findOption("--" + kebabCase(setting)))
        .map(OptionSpec::longestName);
  }

  /** {@code batchSize -> batch-size}. */
  static String kebabCase(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
