package io.cni4j.tool.internal.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text in aligned columns: a header row, then rows, columns separated by two spaces, trailing
 * blanks trimmed.
 */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with these column headers.
     *
     * @param headers the headers, in column order
     */
    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row; missing cells are blank, {@code null} cells are blank.
     *
     * @param cells the cells, in column order
     * @return this table
     * @throws IllegalArgumentException if there are more cells than columns
     */
    public Table row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + headers.size() + " columns");
        }
        String[] padded = Arrays.copyOf(cells, headers.size());
        List<String> row = new ArrayList<>();
        for (String c : padded) {
            row.add(c == null ? "" : c);
        }
        rows.add(row);
        return this;
    }

    /** @return whether no row was added */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @return the rendered table, one line per row, each ending in a newline */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, widths);
        for (List<String> row : rows) {
            line(sb, row, widths);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i));
            line.append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
