package dev.switchboard.loadbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/** A CPU list as taskset and /proc write it ("1", "0-3", "0,2-3"), parsed to compare and count. */
final class CpuList {

    private CpuList() {
    }

    static BitSet parse(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.trim().split(",")) {
            String[] range = part.trim().split("-");
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (range.length > 2 || from < 0 || to < from) {
                    throw new IllegalArgumentException("not a CPU list: '" + list + "'");
                }
                cpus.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: '" + list + "'", e);
            }
        }
        return cpus;
    }

    /** The CPUs this machine has online, e.g. "0-1", from /sys; null when unknown. */
    static String online() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            parse(online);
            return online;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
