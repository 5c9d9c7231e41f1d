package dev.switchboard.architecture.samples.goodfunction;

import dev.switchboard.api.CompleteRequest;

final class GoodMapper {

    CompleteRequest map(CompleteRequest request) {
        return request;
    }
}
