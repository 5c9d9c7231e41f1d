package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Exclusion;

import java.util.List;

/** The candidates that meet a request's constraints, and those left out with their reasons. */
public record Admission(List<Candidate> admitted, List<Exclusion> excluded) {

    public Admission {
        admitted = List.copyOf(admitted);
        excluded = List.copyOf(excluded);
    }
}
