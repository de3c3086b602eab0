package dev.orchestrator.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.statement.Update;

/**
 * Rows' lists flattened for one multi-row statement: row i's list is the slice {@code [firsts[i] : lasts[i]]} of
 * each array (empty when {@code last < first}), so the statement's text is the same for any number of rows and
 * lengths of lists. Paired lists (keys and values) share one slice of parallel arrays. PostgreSQL finds a slice of
 * a text array by walking it from its start, so a statement's cost grows with rows × elements: fit for a few short
 * lists (a wave's identity records), not for maps of a dozen entries a row ({@link JsonObjects}, one object a row).
 */
final class Slices {
    private final List<List<String>> arrays = new ArrayList<>();
    private final List<Integer> firsts = new ArrayList<>();
    private final List<Integer> lasts = new ArrayList<>();

    /** One text a row, as a multi-row statement's array parameter for one column. */
    static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** {@code width}: how many parallel arrays (lists paired by position) each row adds to. */
    Slices(int width) {
        for (int i = 0; i < width; i++) {
            arrays.add(new ArrayList<>());
        }
    }

    /** Adds the next row's lists, one per array, all of one length. */
    @SafeVarargs
    final Slices add(List<String>... lists) {
        if (lists.length != arrays.size()) {
            throw new IllegalArgumentException("expected " + arrays.size() + " lists, got " + lists.length);
        }
        int start = arrays.get(0).size();
        for (int i = 0; i < lists.length; i++) {
            if (lists[i].size() != lists[0].size()) {
                throw new IllegalArgumentException("paired lists differ in length");
            }
            arrays.get(i).addAll(lists[i]);
        }
        firsts.add(start + 1);
        lasts.add(start + lists[0].size());
        return this;
    }

    /** Binds the bounds as {@code firstsName} and {@code lastsName}, and each array under its name, in order. */
    Update bind(Update update, String firstsName, String lastsName, String... arrayNames) {
        if (arrayNames.length != arrays.size()) {
            throw new IllegalArgumentException("expected " + arrays.size() + " array names");
        }
        update.bindArray(firstsName, firsts.toArray(Integer[]::new))
                .bindArray(lastsName, lasts.toArray(Integer[]::new));
        for (int i = 0; i < arrayNames.length; i++) {
            update.bindArray(arrayNames[i], arrays.get(i).toArray(String[]::new));
        }
        return update;
    }
}
