package dev.orchestrator.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart as geometry for an inline SVG the template draws: a picture without JavaScript, which the CSP
 * allows (presentation attributes, no inline style) and a screen reader reads through its title and description.
 */
public record BarChart(String id, String title, String description, int width, int height, List<Bar> bars,
        List<Label> labels) {

    public record Bar(String x, String y, String width, String height, String cssClass, String tooltip) {
    }

    public record Label(String x, String y, String text, String cssClass, String anchor) {
    }

    /** One bar's data: its axis label, value, and the note shown after the value (may be empty). */
    public record Point(String label, long value, String note) {
    }

    /** Columns over time; every {@code labelEvery}-th column is labelled on the x axis. */
    public static BarChart columns(String id, String title, String description, List<Point> points,
            int labelEvery) {
        int width = 640;
        int height = 180;
        double left = 44;
        double bottom = 24;
        double top = 12;
        double plot = height - bottom - top;
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        double step = (width - left - 4) / Math.max(1, points.size());
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        labels.add(new Label(num(left - 6), num(top + 4), Long.toString(max), "", "end"));
        labels.add(new Label(num(left - 6), num(top + plot), "0", "", "end"));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double h = plot * p.value() / max;
            double x = left + i * step;
            bars.add(new Bar(num(x + step * 0.1), num(top + plot - h), num(step * 0.8), num(h), "bar",
                    p.label() + ": " + p.value() + (p.note().isEmpty() ? "" : " " + p.note())));
            if (i % labelEvery == 0) {
                labels.add(new Label(num(x), num(height - 6), p.label(), "", "start"));
            }
        }
        return new BarChart(id, title, description, width, height, bars, labels);
    }

    /** Horizontal bars, one row per point, the value and note written after each bar. */
    public static BarChart rows(String id, String title, String description, List<Point> points, String cssClass) {
        int width = 640;
        int rowHeight = 30;
        double left = 120;
        double right = 230;
        int height = Math.max(1, points.size()) * rowHeight + 8;
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double y = 4 + i * rowHeight;
            double w = Math.max(p.value() > 0 ? 2 : 0, (width - left - right) * p.value() / max);
            String text = p.value() + (p.note().isEmpty() ? "" : "  " + p.note());
            bars.add(new Bar(num(left), num(y + 4), num(w), num(rowHeight - 10), cssClass, p.label() + ": " + text));
            labels.add(new Label(num(left - 8), num(y + rowHeight / 2.0 + 3), p.label(), "", "end"));
            labels.add(new Label(num(left + w + 6), num(y + rowHeight / 2.0 + 3), text, "value", "start"));
        }
        if (points.isEmpty()) {
            labels.add(new Label(num(left), "20", "none", "", "start"));
        }
        return new BarChart(id, title, description, width, height, bars, labels);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
