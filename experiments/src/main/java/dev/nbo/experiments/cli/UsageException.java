package dev.nbo.experiments.cli;

/** Bad command-line input: the command prints the message and exits with status 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
