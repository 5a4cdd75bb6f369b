package io.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Every figure beside its ceiling, the ratio, the target and whether it was met; written as Markdown and JSON. */
final class Report {

    /** One measured figure, as the report writes it. */
    record Figure(String scenario, String metric, double value, String unit, Double ceiling, String ceilingSource,
            Double ratio, String target, Boolean met) {
    }

    /**
     * A figure as measured: what, how much, in which unit; beside the ceiling measured in the same run (and what
     * measured it), and against its target (and whether it was met), when it has them.
     */
    record Reading(String scenario, String metric, double value, String unit, Double ceiling, String ceilingSource,
            String target, Boolean met) {

        static Reading of(String scenario, String metric, double value, String unit) {
            return new Reading(scenario, metric, value, unit, null, null, null, null);
        }

        Reading against(double ceiling, String source) {
            return new Reading(scenario, metric, value, unit, ceiling, source, target, met);
        }

        Reading target(String target, Boolean met) {
            return new Reading(scenario, metric, value, unit, ceiling, ceilingSource, target, met);
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void context(String key, Object value) {
        context.put(key, value);
    }

    void note(String note) {
        notes.add(note);
    }

    void add(Reading reading) {
        Double ceiling = reading.ceiling();
        double value = reading.value();
        Boolean met = reading.met();
        Double ratio = ceiling == null || ceiling == 0 ? null : round(value / ceiling);
        figures.add(new Figure(reading.scenario(), reading.metric(), round(value), reading.unit(),
                ceiling == null ? null : round(ceiling), reading.ceilingSource(), ratio, reading.target(), met));
        System.out.printf("  %-44s %-16s %12.2f %-6s %s%n", reading.scenario(), reading.metric(), value, reading.unit(),
                ceiling == null ? ""
                        : String.format("ceiling %.2f (%s) ratio %.2f %s", ceiling, reading.ceilingSource(),
                                ratio == null ? 0 : ratio, met == null ? "" : met ? "MET" : "MISSED"));
    }

    void write(Path markdown, Path json) throws IOException {
        Files.createDirectories(markdown.getParent());
        StringBuilder md = new StringBuilder("# Rapport benchmark ").append(context.get("date")).append("\n\n");
        context.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append(
                "\n| scenario | figure | value | ceiling (same run) | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append(String.format("| %s | %s | %s %s | %s | %s | %s | %s |%n", f.scenario(), f.metric(),
                    format(f.value()), f.unit(),
                    f.ceiling() == null ? "" : format(f.ceiling()) + " (" + f.ceilingSource() + ")",
                    f.ratio() == null ? "" : format(f.ratio()), f.target() == null ? "" : f.target(),
                    f.met() == null ? "" : f.met() ? "yes" : "**no**"));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.writeString(markdown, md.toString());
        Map<String, Object> all = new LinkedHashMap<>(context);
        all.put("figures", figures);
        all.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), all);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Long.toString((long) value) : String.format("%.2f", value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
