package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Output of one run. */
    private record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String l : out.split("\n")) {
                if (!l.isEmpty()) {
                    nodes.add(JSON.readTree(l));
                }
            }
            return nodes;
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExtractCommand cmd = new ExtractCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(cmd).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectPerFigureInTextOrder() throws Exception {
        Run r = run("覆盖干部\n近9000人次；总投资达2.77亿元。", "--date", "2025-05-19");
        assertEquals(0, r.exit());
        List<JsonNode> lines = r.lines();
        assertEquals(2, lines.size());
        JsonNode first = lines.get(0);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertEquals(List.of("text", "value", "unit", "qualifier", "kind", "quote", "subject", "scope"), fields);
        assertEquals("近9000人次", first.get("text").asText());
        assertEquals(9000, first.get("value").asInt());
        assertEquals("nearly", first.get("qualifier").asText());
        assertEquals("count", first.get("kind").asText());
        assertEquals("干部", first.get("subject").asText());
        JsonNode money = lines.get(1);
        assertEquals("money", money.get("kind").asText());
        assertEquals("元", money.get("unit").asText());
        // plain number in the JSON, not 2.77E+8
        assertTrue(r.out().contains("\"value\":277000000,"), r.out());
    }

    @Test
    void emptyInputPrintsNothing() {
        Run r = run("");
        assertEquals(0, r.exit());
        assertEquals("", r.out());
        Run blank = run("  \n\n ");
        assertEquals(0, blank.exit());
        assertEquals("", blank.out());
    }

    @Test
    void dateWithoutYearTakesTheGivenYear() throws Exception {
        JsonNode d = run("4月 16日，专家做客。", "--date", "2024-05-19").lines().get(0);
        assertEquals("date", d.get("kind").asText());
        assertEquals("2024-04-16", d.get("date").asText());
        assertTrue(d.get("value").isNull());
        JsonNode day = run("16 日\n晚举行。", "--date", "2025-05-19").lines().get(0);
        assertEquals("2025-05-16", day.get("date").asText());
    }

    @Test
    void withoutDateAYearlessDateStaysPartial() throws Exception {
        JsonNode d = run("4月16日举行。").lines().get(0);
        assertEquals("--04-16", d.get("date").asText());
    }

    @Test
    void badDateExitsTwoWithAClearMessage() {
        Run r = run("4月16日举行。", "--date", "2025-13-40");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--date") && r.err().contains("YYYY-MM-DD"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void outputIsUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExtractCommand cmd = new ExtractCommand(new ByteArrayInputStream("举办6期".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.ISO_8859_1), System.err);
        assertEquals(0, new CommandLine(cmd).execute());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"text\":\"6期\""));
    }
}
