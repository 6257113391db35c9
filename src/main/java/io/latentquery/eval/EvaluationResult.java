package io.latentquery.eval;

import java.util.List;

/**
 * The outcome of evaluating one selection: the test accuracy of a classifier trained only on the
 * selected, labeled examples, per class, and how balanced the selection was.
 *
 * @param budget number of selected (training) examples
 * @param accuracy fraction of test examples classified correctly
 * @param perClassAccuracy accuracy on the test examples of each class index (null for a class with
 *     no test example)
 * @param classNames names by class index
 * @param testSize number of test examples
 * @param finalLoss training loss of the last step
 * @param balance class balance of the selection
 * @param settings the classifier settings used
 */
public record EvaluationResult(
    int budget,
    double accuracy,
    List<Double> perClassAccuracy,
    List<String> classNames,
    int testSize,
    double finalLoss,
    SelectionBalance balance,
    ClassifierSettings settings) {}
