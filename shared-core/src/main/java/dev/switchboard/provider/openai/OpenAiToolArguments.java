package dev.switchboard.provider.openai;

/**
 * A tool call's arguments as an OpenAI-style server gave them. vLLM, llama.cpp and others send blank arguments
 * for a tool that takes none; passed on as they are, the caller's next request (the same call sent back with its
 * result) would carry arguments that are not JSON, which OpenAI's SDKs send as given and other protocols cannot
 * take. They become "{}", what every protocol reads as no arguments.
 */
final class OpenAiToolArguments {

    private OpenAiToolArguments() {
    }

    static String orEmptyObject(String arguments) {
        return arguments.isBlank() ? "{}" : arguments;
    }
}
