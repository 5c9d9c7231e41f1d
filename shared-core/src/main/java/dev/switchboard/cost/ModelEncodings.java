package dev.switchboard.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.ModelType;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of OpenAI's BPE encodings a model name uses. jtokkit's registry answers for the names it lists
 * exactly (gpt-4o, gpt-4, gpt-3.5-turbo, legacy completion and embedding models); families it predates
 * (gpt-4.1, gpt-4.5, gpt-5, the o-series) and dated or suffixed names (gpt-4o-2024-08-06) are matched
 * here by family. jtokkit's own prefix matching is not used: it maps "gpt-4.1" to cl100k_base, which is wrong.
 * Only o200k_base and cl100k_base are used (the functions ship only those two vocabularies): the r50k and
 * p50k ones served OpenAI's retired completion models (davinci, text-davinci-003), which count as unknown.
 */
final class ModelEncodings {

    /** Checked in order; a family matches itself and names that go on after a '-' (dates, sizes, suffixes). */
    private static final Set<EncodingType> SHIPPED = EnumSet.of(EncodingType.O200K_BASE, EncodingType.CL100K_BASE);

    private static final List<Map.Entry<String, EncodingType>> FAMILIES = List.of(
            Map.entry("gpt-4o", EncodingType.O200K_BASE),
            Map.entry("chatgpt-4o", EncodingType.O200K_BASE),
            Map.entry("gpt-4.1", EncodingType.O200K_BASE),
            Map.entry("gpt-4.5", EncodingType.O200K_BASE),
            Map.entry("gpt-5", EncodingType.O200K_BASE),
            Map.entry("o1", EncodingType.O200K_BASE),
            Map.entry("o3", EncodingType.O200K_BASE),
            Map.entry("o4-mini", EncodingType.O200K_BASE),
            Map.entry("gpt-4", EncodingType.CL100K_BASE),
            Map.entry("gpt-3.5-turbo", EncodingType.CL100K_BASE),
            Map.entry("gpt-35-turbo", EncodingType.CL100K_BASE)); // Azure's spelling

    /** The encoding for a model, and whether it is that model's own. */
    record Choice(Encoding encoding, boolean exact) {
    }

    private ModelEncodings() {
    }

    /**
     * Unknown models (other vendors, local models, names of the future) get o200k_base as a proxy,
     * marked inexact: a modern BPE vocabulary tracks code and non-Latin text far better than chars/4,
     * but it is not their tokenizer.
     */
    static Choice forModel(String model) {
        return known(normalize(model))
                .map(type -> new Choice(Vocabularies.REGISTRY.getEncoding(type), true))
                .orElseGet(() -> new Choice(Vocabularies.PROXY, false));
    }

    static Optional<EncodingType> known(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelType> listed = ModelType.fromName(name);
        if (listed.isPresent()) {
            return Optional.of(listed.get().getEncodingType()).filter(SHIPPED::contains);
        }
        for (Map.Entry<String, EncodingType> family : FAMILIES) {
            if (inFamily(name, family.getKey())) {
                return Optional.of(family.getValue());
            }
        }
        return Optional.empty();
    }

    static boolean inFamily(String name, String family) {
        return name.equals(family) || name.startsWith(family + "-");
    }

    /**
     * Lower case, without LiteLLM's "openai/" route prefix or the "ft:" of a fine-tune (a fine-tune keeps
     * its base model's tokenizer: "ft:gpt-4o-mini-2024-07-18:org::id" counts as gpt-4o-mini).
     */
    static String normalize(String model) {
        if (model == null) {
            return "";
        }
        String name = model.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("openai/")) {
            name = name.substring("openai/".length());
        }
        if (name.startsWith("ft:")) {
            name = name.substring("ft:".length());
        }
        return name;
    }

    /** Loaded on first use and once per JVM: building a vocabulary parses megabytes of ranks. */
    private static final class Vocabularies {
        static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
        static final Encoding PROXY = REGISTRY.getEncoding(EncodingType.O200K_BASE);
    }
}
