package cn.jinjiang.aitraining;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The server's start-up path for a plain command line: {@code --name value}, {@code --name=value} and
 * flags, read from the same {@link Option} annotations picocli reads, into an {@link App}.
 *
 * <p>Why not picocli here: picocli is compiled for Java 5, so class-data sharing cannot keep its
 * classes and a start loads and verifies some 170 of them with the old verifier, about a third of a
 * second on two cores before the database is even opened. Anything this does not plainly understand
 * (help, an operator command, an unknown option, a value picocli would convert differently, an
 * option given twice) returns empty, and picocli reads the line as before with its usual messages.
 * {@code ServerArgumentsTest} holds both readings to the same result.
 */
final class ServerArguments {
    /** What {@link Option#defaultValue()} says when an option has no default (picocli's own marker). */
    static final String NO_DEFAULT = "__no_default_value__";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private ServerArguments() {}

    /** The server's options read from {@code args}, or empty when picocli should read them. */
    static Optional<App> read(String[] args) {
        Map<String, Field> byName = new HashMap<>();
        for (Field field : App.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option == null) continue;
            for (String name : option.names()) byName.put(name, field);
        }
        App app = new App();
        try {
            for (Field field : new HashSet<>(byName.values())) {
                Option option = field.getAnnotation(Option.class);
                String fallback = option.defaultValue();
                if (fallback.equals(NO_DEFAULT)) continue; // the field's own initial value stands
                // picocli interpolates "${...}" and reads "_NULL_" as null: those lines are picocli's
                if (fallback.contains("${") || fallback.equals(Option.NULL_VALUE)) return Optional.empty();
                if (!assign(app, field, fallback, option)) return Optional.empty();
            }
            Set<Field> given = new HashSet<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                Field field = byName.get(arg);
                if (field == null || !arg.startsWith("--")) return Optional.empty();
                boolean list = List.class.isAssignableFrom(field.getType());
                if (!given.add(field) && !list) return Optional.empty(); // picocli refuses a repeat
                if (field.getType() == boolean.class) {
                    if (value != null) return Optional.empty(); // --flag=false: picocli's reading
                    field.setBoolean(app, true);
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) return Optional.empty();
                    value = args[++i];
                }
                if (!assign(app, field, value, field.getAnnotation(Option.class))) return Optional.empty();
            }
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
        return Optional.of(app);
    }

    /** Sets one field from its text the way picocli's converter would; false when unsure. */
    @SuppressWarnings("unchecked")
    private static boolean assign(App app, Field field, String text, Option option) throws IllegalAccessException {
        Class<?> type = field.getType();
        if (type == String.class) {
            field.set(app, text);
        } else if (type == int.class || type == Integer.class) {
            if (!PLAIN_NUMBER.matcher(text).matches()) return false;
            field.set(app, Integer.valueOf(text));
        } else if (type == Path.class) {
            if (text.isEmpty()) return false;
            field.set(app, Path.of(text));
        } else if (type == boolean.class) {
            if (!text.equals("false") && !text.equals("true")) return false;
            field.setBoolean(app, Boolean.parseBoolean(text));
        } else if (List.class.isAssignableFrom(type) && option.split().equals(",")) {
            // picocli's splitter also knows quotes and empty pieces: those lines are picocli's
            if (text.isEmpty() || text.contains("\"") || text.startsWith(",") || text.endsWith(",") || text.contains(",,")) return false;
            List<String> values = (List<String>) field.get(app);
            if (values == null) {
                values = new ArrayList<>();
                field.set(app, values);
            }
            values.addAll(Arrays.asList(text.split(",")));
        } else {
            return false;
        }
        return true;
    }
}
