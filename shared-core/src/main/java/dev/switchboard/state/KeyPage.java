package dev.switchboard.state;

import java.util.List;

/**
 * One page of the admin's key list, in key id order.
 *
 * @param keys      at most the page size asked for
 * @param nextAfter the id to list after for the next page; null when this page is the last
 */
public record KeyPage(List<ListedKey> keys, String nextAfter) {

    public KeyPage {
        keys = List.copyOf(keys);
    }
}
