package dev.switchboard.loadbench;

import java.io.File;

/** Whether the taskset command is on the PATH (util-linux); without it processes run unpinned. */
final class Taskset {

    private static final boolean AVAILABLE = find();

    private Taskset() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    private static boolean find() {
        String path = System.getProperty("loadbench.path", "/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "taskset").canExecute()) {
                return true;
            }
        }
        return false;
    }
}
