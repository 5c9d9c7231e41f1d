package dev.switchboard.service;

import java.time.Duration;

/** Runs work later, off the caller's thread; injected so that tests decide when "later" is. */
@FunctionalInterface
public interface Delays {

    void after(Duration delay, Runnable work);
}
