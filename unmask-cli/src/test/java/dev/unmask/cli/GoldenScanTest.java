package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.unmask.testkit.Golden;
import dev.unmask.testkit.TestData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole JSON result of {@code scan --json} for a few fixtures, normalised (times, durations, absolute paths
 * and thread counts removed; numbers rounded to 3 decimals; feature vectors reduced to their length) and compared
 * with golden files in {@code src/test/resources/golden/scan/}. Rebuild with {@code -Dunmask.golden.update=true}
 * and review the diff.
 */
class GoldenScanTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @ParameterizedTest
    @ValueSource(strings = {"camera-jpeg/sample1.jpg", "ai-metadata/AUTOMATIC1111/automatic1111_cropped.png",
            "photos/truncated.jpg", "c2pa/CA.jpg", "photos/coffee.png"})
    void scanJsonMatchesGolden(String fixture) throws Exception {
        Cli r = Cli.run("scan", "--json", "--threads", "1", TestData.file(fixture).toString());
        JsonNode doc = ScanCommandTest.validJson(r.out());
        assertEquals(fixture.equals("photos/truncated.jpg") ? 1 : 0, r.exit(), r.err());
        Object sorted = JSON.treeToValue(normalise(doc), Object.class); // maps, so keys are written in order
        Golden.assertMatches("scan/" + fixture.replace('/', '_') + ".json", JSON.writeValueAsString(sorted));
    }

    static JsonNode normalise(JsonNode doc) {
        ObjectNode o = (ObjectNode) doc;
        o.remove(List.of("started", "finished"));
        ((ObjectNode) o.get("tool")).remove("version");
        ((ObjectNode) o.get("settings")).remove("threads");
        String root = TestData.root().toAbsolutePath().normalize().toString();
        for (JsonNode f : o.get("files")) {
            ObjectNode file = (ObjectNode) f;
            String p = file.get("path").asText();
            file.set("path", new TextNode(p.replace(root, "testdata")));
            for (JsonNode run : file.get("analyzers")) {
                ObjectNode rn = (ObjectNode) run;
                rn.remove("elapsed_ms");
                ObjectNode features = (ObjectNode) rn.get("features");
                List<String> names = new ArrayList<>();
                features.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    features.put(n, "vector of " + features.get(n).size());
                }
            }
        }
        return round(o);
    }

    private static JsonNode round(JsonNode n) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            it.forEachRemaining(entries::add);
            for (var e : entries) {
                ((ObjectNode) n).set(e.getKey(), round(e.getValue()));
            }
            return n;
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, round(a.get(i)));
            }
            return a;
        }
        if (n.isFloatingPointNumber()) {
            return new DoubleNode(Math.round(n.asDouble() * 1000) / 1000.0);
        }
        return n;
    }
}
