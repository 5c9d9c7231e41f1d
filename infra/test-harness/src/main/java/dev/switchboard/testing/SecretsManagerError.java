package dev.switchboard.testing;

/**
 * A Secrets Manager error reply: the AWS SDK turns {@code __type} into the matching exception class.
 */
final class SecretsManagerError extends RuntimeException {

    private final int status;
    private final String type;

    SecretsManagerError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static SecretsManagerError secretNotFound() {
        return new SecretsManagerError(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    static SecretsManagerError versionNotFound() {
        return new SecretsManagerError(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for the requested version.");
    }

    static SecretsManagerError invalidParameter(String message) {
        return new SecretsManagerError(400, "InvalidParameterException", message);
    }

    static SecretsManagerError validation(String message) {
        return new SecretsManagerError(400, "ValidationException", message);
    }

    static SecretsManagerError invalidNextToken() {
        return new SecretsManagerError(400, "InvalidNextTokenException", "The NextToken value is not valid.");
    }

    static SecretsManagerError unknownOperation(String target) {
        return new SecretsManagerError(400, "UnknownOperationException",
                "Operation '" + target + "' is not supported by SecretsManagerTestServer.");
    }

    static SecretsManagerError serialization(String message) {
        return new SecretsManagerError(400, "SerializationException", message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
