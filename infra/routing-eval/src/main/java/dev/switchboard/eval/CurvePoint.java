package dev.switchboard.eval;

/**
 * One operating point of a router: a threshold that sends a share of the prompts to the strong model.
 *
 * @param strongShare share of prompts routed to the strong model, in [0, 1]
 * @param accuracy    mean correctness of the routed answers
 * @param pgr         performance gap recovered: (accuracy - weak) / (strong - weak)
 */
public record CurvePoint(double strongShare, double accuracy, double pgr) {
}
