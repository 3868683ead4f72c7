package cn.jinjiang.aitraining.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/** JSON responses: UTF-8, ISO dates, numbers as plain numbers. */
public final class Json {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /**
     * Made on first use (the JVM initialises a holder class when it is first touched): Jackson's
     * set-up loads some 500 classes, and the server's start and its first pages, served from
     * persisted renders, need none of them. The mappers hold configuration only, no data.
     */
    private static final class Mappers {
        static final ObjectMapper STRICT = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
        /** The same, ignoring properties it does not know when reading. */
        static final ObjectMapper LENIENT = STRICT.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public ObjectMapper mapper() { return Mappers.STRICT; }

    /**
     * Reads what {@link #mapper()} wrote, ignoring properties it does not know (e.g. derived ones
     * such as {@code isMoney()} that records write but cannot take back).
     */
    public ObjectMapper lenientMapper() { return Mappers.LENIENT; }

    public byte[] bytes(Object value) {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public void send(Context ctx, Object value) {
        ctx.contentType(CONTENT_TYPE);
        ctx.result(bytes(value));
    }
}
