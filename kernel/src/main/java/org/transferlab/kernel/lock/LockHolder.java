package org.transferlab.kernel.lock;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who holds a lock, written into the lock file so that whoever is refused can be told who is in the way, and into a
 * working directory so that a sweep can tell whose it is.
 *
 * @param host     the short host name of the holder's machine
 * @param pid      the holder's process id on that machine
 * @param since    when it took the lock
 * @param command  what it is doing, e.g. {@code run} or {@code task run pretrain/alexnet@kmnist}
 */
public record LockHolder(String host, long pid, Instant since, String command) {

    private static final String HOST = hostName();

    public LockHolder {
        requireNonNull(host, "host is null");
        requireNonNull(since, "since is null");
        requireNonNull(command, "command is null");
    }

    /** This process, from now on, doing {@code command}. */
    public static LockHolder thisProcess(String command) {
        return new LockHolder(HOST, ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.SECONDS), command);
    }

    public static String thisHost() {
        return HOST;
    }

    /** e.g. {@code pid 4242 on host node07, since 2026-12-03T13:30:00Z}. */
    public String describe() {
        return "pid " + pid + " on host " + host + ", since " + since;
    }

    /** The kernel's record of the host name: no name lookup, which can hang on a machine without DNS. */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
            if (!name.isEmpty()) {
                return shortName(name);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return shortName(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String shortName(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
