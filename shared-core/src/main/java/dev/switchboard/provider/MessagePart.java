package dev.switchboard.provider;

import java.util.Objects;

/** One piece of a turn whose content mixes text with images, files or audio, in the caller's order. */
public sealed interface MessagePart {

    record Text(String text) implements MessagePart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        /** The length only: the text is the caller's prompt. */
        @Override
        public String toString() {
            return "Text[" + text.length() + " chars]";
        }
    }

    record Image(ImageInput image) implements MessagePart {
        public Image {
            Objects.requireNonNull(image, "image");
        }
    }

    record Document(DocumentInput document) implements MessagePart {
        public Document {
            Objects.requireNonNull(document, "document");
        }
    }

    record Audio(AudioInput audio) implements MessagePart {
        public Audio {
            Objects.requireNonNull(audio, "audio");
        }
    }
}
