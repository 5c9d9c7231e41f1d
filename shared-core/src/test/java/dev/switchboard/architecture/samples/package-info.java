/**
 * Tiny classes that obey or break the layering rules on purpose, so that the rules of
 * {@link dev.switchboard.architecture.SwitchboardArchitecture} are shown to catch what they claim.
 * Nothing here is used outside the architecture tests.
 */
package dev.switchboard.architecture.samples;
