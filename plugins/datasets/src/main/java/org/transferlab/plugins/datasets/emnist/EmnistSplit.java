package org.transferlab.plugins.datasets.emnist;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One of the six ways EMNIST divides NIST Special Database 19; written in lower case in experiment files. */
public enum EmnistSplit {
    /** 62 classes: digits, upper-case and lower-case letters, as many images of each as NIST has. */
    BYCLASS(697_932, 116_323),
    /** 47 classes: the letters whose two cases look alike (c i j k l m o p s u v w x y z) merged into the upper case. */
    BYMERGE(697_932, 116_323),
    /** The 47 classes of {@link #BYMERGE}, with the same number of images in each. */
    BALANCED(112_800, 18_800),
    /** 26 letters, both cases merged, labelled 1 to 26; label 0 is unused. */
    LETTERS(124_800, 20_800),
    /** The 10 digits, balanced. */
    DIGITS(240_000, 40_000),
    /** The 10 digits in MNIST's sizes. */
    MNIST(60_000, 10_000);

    private final int trainSize;
    private final int testSize;

    EmnistSplit(int trainSize, int testSize) {
        this.trainSize = trainSize;
        this.testSize = testSize;
    }

    /** The name in experiment files and in EMNIST's file names, e.g. {@code balanced}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    int trainSize() {
        return trainSize;
    }

    int testSize() {
        return testSize;
    }

    /** The name of each class, indexed by the label as stored; the merged letters are named in lower case. */
    List<String> classNames() {
        return switch (this) {
            case BYCLASS -> characters(DIGITS_0_9 + UPPER_CASE + LOWER_CASE);
            case BYMERGE, BALANCED -> characters(DIGITS_0_9 + UPPER_CASE + UNMERGED_LOWER_CASE);
            case LETTERS -> Stream.concat(Stream.of("N/A"), characters(LOWER_CASE).stream()).toList();
            case DIGITS, MNIST -> characters(DIGITS_0_9);
        };
    }

    /** {@code emnist-<split>-<part>-images-idx3-ubyte}, part {@code train} or {@code test}. */
    String imagesFile(String part) {
        return "emnist-" + spelling() + "-" + part + "-images-idx3-ubyte";
    }

    /** {@code emnist-<split>-<part>-labels-idx1-ubyte}, part {@code train} or {@code test}. */
    String labelsFile(String part) {
        return "emnist-" + spelling() + "-" + part + "-labels-idx1-ubyte";
    }

    /** The four files of the split: train images and labels, then test images and labels. */
    List<String> files() {
        return List.of(imagesFile("train"), labelsFile("train"), imagesFile("test"), labelsFile("test"));
    }

    private static final String DIGITS_0_9 = "0123456789";
    private static final String UPPER_CASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER_CASE = "abcdefghijklmnopqrstuvwxyz";
    /** The lower-case letters that keep a class of their own when similar-looking cases are merged. */
    private static final String UNMERGED_LOWER_CASE = "abdefghnqrt";

    private static List<String> characters(String characters) {
        return characters.chars().mapToObj(Character::toString).toList();
    }
}
