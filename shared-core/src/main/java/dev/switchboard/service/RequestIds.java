package dev.switchboard.service;

import jakarta.inject.Singleton;

import java.util.UUID;

/** Issues request ids; a bean so that tests can make them predictable. */
@Singleton
public class RequestIds {

    public String next() {
        return UUID.randomUUID().toString();
    }
}
