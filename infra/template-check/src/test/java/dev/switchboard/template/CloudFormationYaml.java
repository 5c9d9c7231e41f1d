package dev.switchboard.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a CloudFormation YAML template as CloudFormation itself does: each short-form function tag is
 * turned into its long form ({@code !Ref X} into {@code {Ref: X}}, {@code !GetAtt A.B} into
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} into {@code {Fn::Sub: s}}), so that the checks see plain
 * maps, lists and strings whichever form the template uses. An unknown tag is read the same way, and the
 * structure checks then refuse the function name it produces.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    static Map<String, Object> read(Path template) throws IOException {
        return new Yaml(new ShortForms()).load(Files.readString(template));
    }

    private static final class ShortForms extends SafeConstructor {

        ShortForms() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object value = untagged(node);
                    return switch (name) {
                        case "Ref", "Condition" -> Map.of(name, value);
                        case "GetAtt" -> Map.of("Fn::GetAtt", value instanceof String s
                                ? Arrays.asList(s.split("\\.", 2)) : value);
                        default -> Map.of("Fn::" + name, value);
                    };
                }
            });
        }

        private Object untagged(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }
    }
}
