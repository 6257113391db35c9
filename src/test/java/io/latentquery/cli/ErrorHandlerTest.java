package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.SettingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Exit codes and messages of a failing command: usage errors are 2 and name the flag, an
 * IllegalArgumentException from a library in the middle of the run is 1.
 */
class ErrorHandlerTest {
  /** A command that fails as {@code --fail} says, after its options were parsed. */
  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;

    @Option(names = "--batch-size")
    int batchSize;

    @Option(names = "--dof")
    @Sets("degreesOfFreedom")
    double dof;

    @Option(names = "--fail", required = true)
    String fail;

    @Override
    public Integer call() {
      switch (fail) {
        case "library" -> throw new IllegalArgumentException("3 labels for 4 encodings");
        case "batch-size" -> throw new SettingException("batchSize", "must be >= 1, got 0");
        case "dof" -> throw new SettingException("degreesOfFreedom", "must be > 0, got 0");
        case "unflagged" -> throw new SettingException("latentDim", "must be >= 1, got 0");
        case "check" -> throw OptionErrors.usage(spec, "--a and --b exclude each other");
        case "settings" ->
            OptionErrors.settings(
                spec,
                () -> {
                  throw new IllegalArgumentException("image size 28x28 does not divide by 8");
                });
        default -> {
          return 0;
        }
      }
      return 0;
    }
  }

  private record Run(int code, List<String> err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Probe());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    int code = commandLine.execute(args);
    return new Run(code, err.toString().lines().toList());
  }

  @Test
  void aLibrarysIllegalArgumentMidRunIsARuntimeFailureOfOneLine() {
    Run run = run("--fail", "library");
    assertEquals(ErrorHandler.RUNTIME_FAILURE, run.code());
    assertEquals(List.of("lq: 3 labels for 4 encodings"), run.err());
  }

  @Test
  void aRefusedSettingNamesTheFlagThatSetIt() {
    Run kebab = run("--fail", "batch-size");
    assertEquals(ErrorHandler.USAGE_ERROR, kebab.code());
    assertEquals(
        List.of("lq: usage error: --batch-size must be >= 1, got 0", "Try 'probe --help'."),
        kebab.err());
    Run annotated = run("--fail", "dof");
    assertEquals(ErrorHandler.USAGE_ERROR, annotated.code());
    assertEquals("lq: usage error: --dof must be > 0, got 0", annotated.err().get(0));
  }

  @Test
  void aRefusedSettingNoFlagSetIsARuntimeFailure() {
    Run run = run("--fail", "unflagged");
    assertEquals(ErrorHandler.RUNTIME_FAILURE, run.code());
    assertEquals(List.of("lq: latentDim must be >= 1, got 0"), run.err());
  }

  @Test
  void checksOfTheOptionsAreUsageErrors() {
    Run check = run("--fail", "check");
    assertEquals(ErrorHandler.USAGE_ERROR, check.code());
    assertEquals("lq: usage error: --a and --b exclude each other", check.err().get(0));
    Run settings = run("--fail", "settings");
    assertEquals(ErrorHandler.USAGE_ERROR, settings.code());
    assertEquals("lq: usage error: image size 28x28 does not divide by 8", settings.err().get(0));
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run quiet = run("--fail", "library");
    assertFalse(String.join("\n", quiet.err()).contains("\tat "));
    Run verbose = run("--fail", "library", "--verbose");
    assertEquals(ErrorHandler.RUNTIME_FAILURE, verbose.code());
    assertTrue(String.join("\n", verbose.err()).contains("\tat "), verbose.err().toString());
  }

  @Test
  void flagsAreFoundByAnnotationOrKebabCase() {
    CommandSpec spec = new CommandLine(new Probe()).getCommandSpec();
    assertEquals("--batch-size", OptionErrors.flag(spec, "batchSize").orElseThrow());
    assertEquals("--dof", OptionErrors.flag(spec, "degreesOfFreedom").orElseThrow());
    assertTrue(OptionErrors.flag(spec, "latentDim").isEmpty());
    assertEquals("learning-rate-from", OptionErrors.kebabCase("learningRateFrom"));
  }
}
