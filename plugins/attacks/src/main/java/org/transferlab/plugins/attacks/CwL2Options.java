package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.transferlab.api.attack.TargetMode;

/**
 * Options of {@code cw-l2}. The defaults follow the authors' code (confidence 0, 9 binary search steps, early abort)
 * with two changes for affordability on MNIST-scale data. 100 Adam steps per search step instead of 10,000, as the
 * common re-implementations (ART, cleverhans) cut them, and an initial constant of 0.01 as they use: 9 search steps then
 * reach c = 10⁶ if needed and still leave steps to bisect. And a learning rate of 0.1 instead of 0.01: a black or white
 * pixel starts at w = ±7.25 in tanh space, where x′ hardly moves, and Adam moves w by about the learning rate per step,
 * so at 0.01 a hundred steps cannot change the 0 and 1 pixels that make up most of an MNIST image. Measured on a small
 * synthetic-glyph model, 0.1 found examples for every image at DeepFool's L2 size, 0.01 for 83% at nearly twice it. On
 * images without saturated pixels 0.01 is the more precise choice.
 *
 * @param eps                the L2 budget per image, optional: when set, only examples within eps count as found and
 *                           the budget is L2 eps; when absent the attack is unbounded (an L2 budget of +∞) and returns
 *                           the smallest adversarial example it finds. Images with no example found come back clean.
 * @param confidence         the margin κ by which the example must be misclassified (targeted: classified as the
 *                           target); default 0
 * @param initialConst       the first trade-off constant c between distance and margin; default 0.01
 * @param binarySearchSteps  how many times c is searched per image: bisected between the largest failing and the
 *                           smallest succeeding c, or multiplied by 10 while none has succeeded; with 10 or more, the
 *                           last search step uses the smallest succeeding c (the authors' rule); default 9
 * @param steps              Adam steps per search step; default 100
 * @param learningRate       Adam's learning rate on the tanh-space variable w; default 0.1
 * @param abortEarly         an image ends a search step when its loss has not fallen by 0.01% over a tenth of the
 *                           steps; default true
 * @param target             targeted mode: {@code random} or {@code least-likely}, the kernel choosing one target class
 *                           per image and the attack driving max_{i≠t} z_i − z_t below −κ; absent (or
 *                           {@code untargeted}) for the untargeted attack, which drives z_y − max_{i≠y} z_i below −κ
 */
public record CwL2Options(
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("28") Double eps,
        @DecimalMin("0") @DecimalMax("1000") Double confidence,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1e10") Double initialConst,
        @Min(1) @Max(40) Integer binarySearchSteps,
        @Min(1) @Max(100000) Integer steps,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double learningRate,
        Boolean abortEarly,
        TargetMode target) {

    CwL2Attack.Settings settings() {
        return new CwL2Attack.Settings(
                eps,
                confidence == null ? 0 : confidence,
                initialConst == null ? 0.01 : initialConst,
                binarySearchSteps == null ? 9 : binarySearchSteps,
                steps == null ? 100 : steps,
                learningRate == null ? 0.1 : learningRate,
                abortEarly == null || abortEarly);
    }
}
