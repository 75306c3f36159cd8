package org.transferlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.data.ImageSet;

class BudgetCheckTest {

    private static final Budget UNBOUNDED = new Budget(Budget.Norm.L2, Double.POSITIVE_INFINITY);

    @Test
    void anUnboundedL2BudgetAcceptsAnySizeButStillChecksTheImageBox() {
        float[] clean = new float[2 * ImageSet.PIXELS];
        float[] far = new float[clean.length];
        Arrays.fill(far, 1f);
        BudgetCheck.verify("cw-l2", UNBOUNDED, clean, far, 0);
        far[ImageSet.PIXELS + 5] = 1.5f;
        assertThrows(BudgetCheck.AttackBudgetException.class, () -> BudgetCheck.verify("cw-l2", UNBOUNDED, clean, far, 0));
    }

    @Test
    void storedExamplesBeyondTheirBudgetAreReportedAsAChangedFileNamingIt() {
        float[] clean = new float[2 * ImageSet.PIXELS];
        float[] stored = new float[clean.length];
        Arrays.fill(stored, 0.3f);
        Budget linf = new Budget(Budget.Norm.LINF, 0.3);
        Path file = Path.of("adversarial", "a@b~fgsm-eps0.3", "adversarial.npy");
        BudgetCheck.verifyStored(file, linf, clean, stored);

        Arrays.fill(stored, ImageSet.PIXELS, stored.length, 0.5f);
        BudgetCheck.AttackBudgetException changed = assertThrows(BudgetCheck.AttackBudgetException.class,
                () -> BudgetCheck.verifyStored(file, linf, clean, stored));
        assertEquals(file + " exceeds its LINF budget 0.3 on image 1: the perturbation measures 0.5, which its attack "
                + "cannot have made: the file was changed after it was written. Delete " + file.getParent()
                + " and run again", changed.getMessage());
    }

    @Test
    void anUnboundedBudgetIsWrittenToMetaJsonAsValidJson() throws Exception {
        String json = ArtefactDirectory.JSON.writeValueAsString(Map.of("budget", UNBOUNDED));
        Map<?, ?> budget = (Map<?, ?>) ArtefactDirectory.JSON.readValue(json, Map.class).get("budget");
        assertEquals("Infinity", String.valueOf(budget.get("epsilon")), json);
    }
}
