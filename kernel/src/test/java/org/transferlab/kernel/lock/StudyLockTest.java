package org.transferlab.kernel.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLockTest {

    private static final String SINCE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @TempDir
    Path run;

    private final List<String> told = new ArrayList<>();

    @Test
    void aSecondRunIsRefusedAtOnceNamingTheProcessThatHoldsTheStudy() throws Exception {
        try (LockHoldingProcess first = LockHoldingProcess.start("study-exclusive", run.toString())) {
            LockedException refused = assertThrows(LockedException.class,
                    () -> StudyLock.exclusive(run, "run", Duration.ZERO, told::add));

            assertTrue(refused.getMessage().matches("another transferlab, pid " + first.pid() + " on host "
                    + LockHolder.thisHost() + ", has been running this study since " + SINCE + " \\(transferlab run in "
                    + run + "\\); wait for it to end, or stop it, then try again"), refused.getMessage());
            assertEquals(List.of(), told, "refused at once, without waiting");
            assertEquals(Optional.of(first.pid()), StudyLock.exclusiveHolder(run).map(LockHolder::pid));
        }
    }

    @Test
    void aJobIsRefusedWhileARunHoldsTheStudyAndToldHowToWait() throws Exception {
        try (LockHoldingProcess first = LockHoldingProcess.start("study-exclusive", run.toString())) {
            LockedException refused = assertThrows(LockedException.class,
                    () -> StudyLock.shared(run, "task run x", Duration.ZERO, told::add));

            assertTrue(refused.getMessage().endsWith("; wait for it to end, or stop it, then try again "
                    + "(--lock-wait SECONDS waits for it)"), refused.getMessage());
        }
    }

    @Test
    void jobsShareTheStudyAndARunIsRefusedNamingTheTasksTheyRun() throws Exception {
        try (LockHoldingProcess job = LockHoldingProcess.start("task", run.toString(), "models/alexnet@kmnist",
                "pretrain/alexnet@kmnist")) {
            try (StudyLock shared = StudyLock.shared(run, "task run y", Duration.ZERO, told::add)) {
                assertTrue(Files.exists(run.resolve("locks/study.lock")));
            }
            LockedException refused = assertThrows(LockedException.class,
                    () -> StudyLock.exclusive(run, "run", Duration.ZERO, told::add));

            assertTrue(refused.getMessage().matches("a transferlab task run job is running tasks of this study in "
                    + run + ": pretrain/alexnet@kmnist \\(pid " + job.pid() + " on host " + LockHolder.thisHost()
                    + ", since " + SINCE + "\\); wait for it to end, or stop it, then try again"), refused.getMessage());
            assertEquals(List.of("models/alexnet@kmnist"),
                    TaskLock.running(run).stream().map(TaskLock.Running::taskDirectory).toList());
        }
    }

    @Test
    void aLockWhoseHolderWasKilledWithSigkillIsFreeAtOnce() throws Exception {
        LockHoldingProcess holder = LockHoldingProcess.start("study-exclusive", run.toString());
        holder.kill();

        try (StudyLock lock = StudyLock.exclusive(run, "run", Duration.ZERO, told::add)) {
            assertEquals(ProcessHandle.current().pid(), lock.holder().pid());
            assertEquals(Optional.of(ProcessHandle.current().pid()), StudyLock.exclusiveHolder(run).map(LockHolder::pid));
        }
        assertEquals(Optional.empty(), StudyLock.exclusiveHolder(run), "released, though the file stays");
        assertTrue(Files.exists(run.resolve("locks/study.lock")));
    }

    @Test
    void aTaskLockWhoseHolderWasKilledWithSigkillIsFreeAndNoLongerListedAsRunning() throws Exception {
        LockHoldingProcess job = LockHoldingProcess.start("task", run.toString(), "models/a", "pretrain/a");
        assertTrue(TaskLock.isHeld(run, "models/a"));
        job.kill();

        assertEquals(List.of(), TaskLock.running(run));
        try (TaskLock lock = TaskLock.acquire(run, "models/a", "pretrain/a", Duration.ZERO, told::add).orElseThrow()) {
            assertTrue(TaskLock.isHeld(run, "models/a"), "held by this process now");
        }
        assertEquals(false, TaskLock.isHeld(run, "models/a"));
    }

    @Test
    void aWaitingRunTakesTheStudyWhenItsHolderEnds() throws Exception {
        LockHoldingProcess first = LockHoldingProcess.start("study-exclusive", run.toString());
        CompletableFuture<StudyLock> waiting = CompletableFuture.supplyAsync(
                () -> StudyLock.exclusive(run, "run", Duration.ofSeconds(60), told::add));
        Thread.sleep(1500);
        assertEquals(false, waiting.isDone());
        first.kill();

        try (StudyLock lock = waiting.get(30, TimeUnit.SECONDS)) {
            assertEquals(1, told.size(), told.toString());
            assertTrue(told.get(0).matches("another transferlab, pid " + first.pid() + " .*; waiting"), told.get(0));
        }
    }

    @Test
    void withinOneProcessTheStudyIsHeldOnceAndJobsShareIt() {
        try (StudyLock shared = StudyLock.shared(run, "task run a", Duration.ZERO, told::add);
                StudyLock again = StudyLock.shared(run, "task run b", Duration.ZERO, told::add)) {
            assertThrows(LockedException.class, () -> StudyLock.exclusive(run, "run", Duration.ZERO, told::add));
        }
        try (StudyLock exclusive = StudyLock.exclusive(run, "run", Duration.ZERO, told::add)) {
            assertThrows(LockedException.class, () -> StudyLock.exclusive(run, "run", Duration.ZERO, told::add));
            assertThrows(LockedException.class, () -> StudyLock.shared(run, "task run", Duration.ZERO, told::add));
        }
    }
}
