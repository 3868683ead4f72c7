package cn.jinjiang.aitraining.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How an entity's state is stored in an audit entry. A mapper of its own, not the public API's:
 * renaming an API field must not change how old entries read. Each stored state carries
 * {@code "format": 1}. A state written before a field existed reads with that field taken from
 * the entity as it is now ({@link #readOver}), and fields no longer known are ignored.
 */
public final class AuditJson {
    public static final int FORMAT = 1;
    static final String FORMAT_FIELD = "format";

    /** Made on the first audit entry, not at start (Jackson's set-up is costly on a cold JVM). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    private static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    public String write(Object state) {
        ObjectNode node = mapper().createObjectNode();
        node.put(FORMAT_FIELD, FORMAT);
        node.setAll((ObjectNode) mapper().valueToTree(state));
        try {
            return mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit state", e);
        }
    }

    /** The state stored as {@code json}; null for null (an entry without a before state). */
    public <T> T read(String json, Class<T> type) {
        if (json == null) return null;
        try {
            JsonNode node = mapper().readTree(json);
            int format = node.path(FORMAT_FIELD).asInt(FORMAT); // entries before formats were numbered are format 1
            if (format > FORMAT) throw new IllegalStateException("audit state of a newer format: " + format);
            return mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read audit state", e);
        }
    }

    /**
     * The state stored as {@code json}, any field it lacks (written before the field existed) taken
     * from {@code current}; inside lists, items are matched by their {@code id}.
     */
    public <T> T readOver(String json, T current, Class<T> type) {
        if (json == null) return null;
        try {
            JsonNode stored = mapper().readTree(json);
            int format = stored.path(FORMAT_FIELD).asInt(FORMAT);
            if (format > FORMAT) throw new IllegalStateException("audit state of a newer format: " + format);
            return mapper().treeToValue(fillMissing(stored, mapper().valueToTree(current)), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read audit state", e);
        }
    }

    private static JsonNode fillMissing(JsonNode stored, JsonNode current) {
        if (stored instanceof ObjectNode object && current instanceof ObjectNode now) {
            now.properties().forEach(f -> {
                JsonNode own = object.get(f.getKey());
                if (own == null) object.set(f.getKey(), f.getValue());
                else fillMissing(own, f.getValue());
            });
        } else if (stored.isArray() && current.isArray()) {
            for (JsonNode item : stored) {
                for (JsonNode candidate : current) {
                    if (item.has("id") && item.get("id").equals(candidate.get("id"))) fillMissing(item, candidate);
                }
            }
        }
        return stored;
    }

    JsonNode tree(String json) throws JsonProcessingException {
        return mapper().readTree(json);
    }
}
