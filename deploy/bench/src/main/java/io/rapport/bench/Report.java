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

    /** One measured figure. */
    record Figure(String scenario, String metric, double value, String unit, Double ceiling, String ceilingSource,
            Double ratio, String target, Boolean met) {
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

    void add(String scenario, String metric, double value, String unit, Double ceiling, String ceilingSource,
            String target, Boolean met) {
        Double ratio = ceiling == null || ceiling == 0 ? null : round(value / ceiling);
        figures.add(new Figure(scenario, metric, round(value), unit, ceiling == null ? null : round(ceiling),
                ceilingSource, ratio, target, met));
        System.out.printf("  %-44s %-16s %12.2f %-6s %s%n", scenario, metric, value, unit,
                ceiling == null ? ""
                        : String.format("ceiling %.2f (%s) ratio %.2f %s", ceiling, ceilingSource,
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
