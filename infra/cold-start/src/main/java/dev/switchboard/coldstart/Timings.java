package dev.switchboard.coldstart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A series of measured runs in milliseconds: median, min and max. */
record Timings(List<Long> millis) {

    Timings {
        millis = List.copyOf(millis);
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no runs measured");
        }
    }

    long median() {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }

    long min() {
        return Collections.min(millis);
    }

    long max() {
        return Collections.max(millis);
    }

    String summary() {
        return "median=" + median() + " ms min=" + min() + " ms max=" + max() + " ms (n=" + millis.size() + ")";
    }
}
