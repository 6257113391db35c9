package io.latentquery.cli;

import io.latentquery.model.FlopCount;
import io.latentquery.train.SgemmAlongsideTraining;
import io.latentquery.train.SgemmBenchmark;
import io.latentquery.train.SgemmShares;
import io.latentquery.train.TrainingBenchmark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code lq bench train} prints and records of one measurement: training's rate per CPU-second
 * and in GFLOP/s, the MatMul's, and training's three shares of it.
 */
final class TrainBenchRates {
  private final SgemmAlongsideTraining.Result measured;
  private final FlopCount flops;
  private final SgemmShares shares;
  private final int threads;
  private final int sgemmWarmup;

  /**
   * The rates of {@code measured}, for a model of {@code flops}, on {@code threads} threads, with
   * {@code sgemmWarmup} untimed products before the timed ones.
   */
  TrainBenchRates(
      SgemmAlongsideTraining.Result measured, FlopCount flops, int threads, int sgemmWarmup) {
    this.measured = measured;
    this.flops = flops;
    this.shares = SgemmShares.of(measured, flops.trainingFlopsPerImage());
    this.threads = threads;
    this.sgemmWarmup = sgemmWarmup;
  }

  /**
   * The printed lines: CPU time, arithmetic, the MatMul, the shares, the median step, and a note
   * when the steps' or products' times spread widely.
   */
  List<String> lines() {
    TrainingBenchmark.Result training = measured.training();
    SgemmBenchmark.Result sgemm = measured.sgemm();
    List<String> lines = new ArrayList<>();
    Collections.addAll(
        lines,
        String.format(
            Locale.ROOT,
            "cpu time: %.1f images per CPU-second (x%d threads = %.0f images/s if the cores were"
                + " idle)",
            training.imagesPerCpuSecond(),
            threads,
            training.imagesPerCpuSecond() * threads),
        String.format(
            Locale.ROOT,
            "arithmetic: %.4f GFLOP per trained image (%d x the forward pass of %.4f GFLOP;"
                + " encoder %.4f GFLOP), %.1f GFLOP/s of training",
            flops.trainingFlopsPerImage() / 1e9,
            FlopCount.TRAINING_FORWARD_PASSES,
            flops.forwardFlopsPerImage() / 1e9,
            flops.encodingFlopsPerImage() / 1e9,
            shares.trainingGflopsPerSecond()),
        String.format(
            Locale.ROOT,
            "sgemm: %.1f GFLOP/s (%dx%d float32 MatMul in TensorFlow, %d threads, median of %d"
                + " timed between the training steps after %d warm-up, %.4f s each); %.1f GFLOP"
                + " per CPU-second",
            sgemm.gflopsPerSecond(),
            sgemm.size(),
            sgemm.size(),
            threads,
            sgemm.seconds().size(),
            sgemmWarmup,
            sgemm.medianSeconds(),
            sgemm.gflopsPerCpuSecond()),
        String.format(
            Locale.ROOT,
            "training runs at %.0f%% of this machine's sgemm (%s)",
            100 * shares.wall(),
            byCpuTime()),
        String.format(
            Locale.ROOT,
            "median step: %.3f s, %.1f GFLOP/s of training, %.0f%% of the median product (each"
                + " part's typical rate, which a step or product that other work slowed does not"
                + " move)",
            training.medianSecondsPerStep(),
            shares.medianStepGflopsPerSecond(),
            100 * shares.medianStep()));
    if (measured.uneven()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "uneven: the slowest step took %.2fx the quickest and the slowest product %.2fx;"
                  + " the machine's speed changed during the run, so repeat it or read the"
                  + " CPU-time share",
              training.stepSpread(),
              sgemm.spread()));
    }
    return lines;
  }

  private String byCpuTime() {
    if (!Double.isFinite(shares.cpuTime())) {
      return "by CPU time: not measured, the runs were too short for the process's CPU clock";
    }
    return String.format(
        Locale.ROOT,
        "by CPU time: %.0f%%, %.1f against %.1f GFLOP per CPU-second; %s",
        100 * shares.cpuTime(),
        shares.trainingGflopsPerCpuSecond(),
        measured.sgemm().gflopsPerCpuSecond(),
        measured.cpuTimeRough()
            ? String.format(
                Locale.ROOT,
                "rough: %.3f CPU-seconds of training and %.3f of MatMul, on a CPU clock that"
                    + " ticks every 10 ms on Linux",
                measured.training().cpuSeconds(),
                measured.sgemm().cpuSeconds())
            : "the steadier figure when other work shares the cores");
  }

  /** The figures {@code --out} records under {@code results}. */
  Map<String, Object> figures() {
    TrainingBenchmark.Result training = measured.training();
    SgemmBenchmark.Result sgemm = measured.sgemm();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("images_per_second", training.imagesPerSecond());
    figures.put("seconds_per_step", training.secondsPerStep());
    figures.put("step_seconds", training.stepSeconds());
    figures.put("median_seconds_per_step", training.medianSecondsPerStep());
    figures.put("images_per_cpu_second", training.imagesPerCpuSecond());
    figures.put("training_flops_per_image", flops.trainingFlopsPerImage());
    figures.put("forward_flops_per_image", flops.forwardFlopsPerImage());
    figures.put("encoding_flops_per_image", flops.encodingFlopsPerImage());
    figures.put("training_gflops_per_second", shares.trainingGflopsPerSecond());
    figures.put("sgemm_gflops_per_second", sgemm.gflopsPerSecond());
    figures.put("sgemm_seconds", sgemm.seconds());
    figures.put("share_of_sgemm", shares.wall());
    figures.put("share_of_sgemm_by_median_step", shares.medianStep());
    figures.put("training_gflops_per_cpu_second", shares.trainingGflopsPerCpuSecond());
    figures.put("sgemm_gflops_per_cpu_second", sgemm.gflopsPerCpuSecond());
    figures.put("share_of_sgemm_by_cpu_time", shares.cpuTime());
    figures.put("training_cpu_seconds", training.cpuSeconds());
    figures.put("sgemm_cpu_seconds", sgemm.cpuSeconds());
    return figures;
  }
}
