package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.transferlab.api.attack.TargetMode;

/**
 * Options shared by {@code mi-fgsm}, {@code ni-fgsm}, {@code di-fgsm} and {@code ti-fgsm}: each is the same iterative
 * L∞ attack with different components on by default, and any entry can switch the others on, e.g. {@code mi-fgsm} with
 * {@code diversity_prob: 0.5} and {@code kernel_size: 7} is MI-DI-TI-FGSM. A component is off at decay 0, diversity
 * probability 0 or kernel size 1. The step defaults follow the transfer-attack papers: 10 steps of ε/10, so the last
 * step can just reach the budget.
 *
 * @param eps            the L∞ budget in pixel units of [0,1]; default 0.3
 * @param stepSize       the L∞ size of each step; default eps/steps
 * @param steps          the number of steps; default 10
 * @param decay          momentum decay μ; default 1.0 for mi-fgsm and ni-fgsm, 0 (no momentum) for the others
 * @param nesterov       take the gradient at the look-ahead x + α·μ·g; default true for ni-fgsm only
 * @param diversityProb  probability of the input-diversity transform per image and step; default 0.5 for di-fgsm,
 *                       0 for the others
 * @param kernelSize     odd side of the Gaussian kernel that smooths the gradient; default 7 for ti-fgsm, 1 (no
 *                       smoothing) for the others
 * @param sigma          its standard deviation in pixels; default (kernel_size − 1)/6, so that the kernel spans ±3σ
 *                       as in the TI-FGSM reference implementation (1.0 for the 7×7 kernel)
 * @param target         targeted mode: {@code random} or {@code least-likely}, the kernel choosing one target class
 *                       per image and the attack descending the cross-entropy toward it: momentum accumulates the
 *                       normalised gradients of −CE(target), the look-ahead and the step follow that descending
 *                       direction; absent (or {@code untargeted}) for the untargeted attack
 */
public record TransferOptions(
        @DecimalMin("0") @DecimalMax("1") Double eps,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double stepSize,
        @Min(1) @Max(100000) Integer steps,
        @DecimalMin("0") @DecimalMax("10") Double decay,
        Boolean nesterov,
        @DecimalMin("0") @DecimalMax("1") Double diversityProb,
        @Min(1) @Max(27) Integer kernelSize,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double sigma,
        TargetMode target) {

    /** What one entry switches on when its options leave a component out. */
    record Defaults(double decay, boolean nesterov, double diversityProb, int kernelSize) {
    }

    @AssertTrue(message = "kernel_size must be odd")
    public boolean isKernelSizeOdd() {
        return kernelSize == null || kernelSize % 2 == 1;
    }

    IterativeLinfAttack.Settings settings(Defaults defaults) {
        double epsilon = eps == null ? 0.3 : eps;
        int stepCount = steps == null ? 10 : steps;
        double step = stepSize != null ? stepSize : epsilon / stepCount;
        double mu = decay != null ? decay : defaults.decay();
        boolean lookAhead = nesterov != null ? nesterov : defaults.nesterov();
        double probability = diversityProb != null ? diversityProb : defaults.diversityProb();
        int size = kernelSize != null ? kernelSize : defaults.kernelSize();
        double deviation = sigma != null ? sigma : (size - 1) / 6.0;

        IterativeLinfAttack.Settings settings = IterativeLinfAttack.Settings.basic(epsilon, step, stepCount, false)
                .withMomentum(mu, lookAhead);
        if (probability > 0) {
            settings = settings.withDiversity(new InputDiversity(probability));
        }
        if (size > 1) {
            settings = settings.withSmoothing(new GaussianSmoothing(size, deviation));
        }
        return settings;
    }
}
