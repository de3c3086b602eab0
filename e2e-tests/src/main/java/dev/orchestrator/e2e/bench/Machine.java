package dev.orchestrator.e2e.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** What a benchmark ran on, printed with its figures. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return String.format("%d cores (%s), %.1f GiB RAM, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryGiB(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /**
     * A fixed piece of CPU work (hashing, then sorting and counting strings), timed in this thread's CPU time: the
     * median of seven rounds after two unmeasured. Machines of the same kind here have run the same code 1.7 times
     * slower on one day than on another, so a throughput figure is only comparable beside this one, taken in the
     * same run.
     */
    static String speedProbe() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return "speed probe: not measured (no thread CPU time)";
        }
        long[] spent = new long[7];
        long checksum = 0;
        for (int round = -2; round < spent.length; round++) {
            long start = threads.getCurrentThreadCpuTime();
            checksum += probeWork();
            if (round >= 0) {
                spent[round] = threads.getCurrentThreadCpuTime() - start;
            }
        }
        Arrays.sort(spent);
        return String.format("speed probe: %.0f ms of CPU for the fixed work (median of 7, range %.0f–%.0f; lower is"
                + " faster; checksum %d)", spent[3] / 1e6, spent[0] / 1e6, spent[6] / 1e6, checksum & 0xffff);
    }

    private static long probeWork() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < 256; i++) {
            block[i] = (byte) i;
            sha256.update(block);
        }
        long checksum = sha256.digest()[0];
        String[] words = new String[100_000];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            words[i] = "lead" + Integer.toString(i * 7919 % 100_003, 36) + "@example.com";
            counts.merge(words[i].substring(0, 6), 1, Integer::sum);
        }
        Arrays.sort(words);
        return checksum + counts.size() + words[words.length / 2].getBytes(StandardCharsets.UTF_8).length;
    }

    private static double totalMemoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(0.0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Peak resident set size of a process in MiB (VmHWM). */
    static double peakRssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(-1.0);
        } catch (IOException e) {
            return -1;
        }
    }
}
