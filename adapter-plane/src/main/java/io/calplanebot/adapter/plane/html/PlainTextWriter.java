package io.calplanebot.adapter.plane.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Collects plain-text lines: paragraphs separated by one blank line, list items with a marker and an indent for
 * their continuation lines, verbatim lines for code blocks.
 */
final class PlainTextWriter {
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final Deque<String> indents = new ArrayDeque<>();
    private boolean lineStarted;
    private int prefixEnd;
    private boolean blankPending;
    private String itemMarker;
    private String itemPrefix = "";

    /** Inline text whose HTML whitespace has already been collapsed to single spaces. */
    void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        boolean contentStarted = lineStarted && line.length() > prefixEnd;
        if (text.isBlank() && !contentStarted) {
            return;
        }
        String value = text;
        if ((!contentStarted || line.charAt(line.length() - 1) == ' ') && value.charAt(0) == ' ') {
            value = value.substring(1);
        }
        if (value.isEmpty()) {
            return;
        }
        startLine();
        line.append(value);
    }

    /** Text of a code block: kept as it is, line by line. */
    void verbatim(String text) {
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                startLine();
                endLine();
            }
            if (!parts[i].isEmpty()) {
                startLine();
                line.append(parts[i].replace("\r", ""));
            }
        }
    }

    /** A {@code <br>}: ends the current line, or adds an empty one. */
    void hardBreak() {
        startLine();
        endLine();
    }

    /** Ends the current line, if one was started. */
    void lineBreak() {
        if (lineStarted) {
            endLine();
        }
    }

    /** Between paragraphs: ends the line and asks for a blank line before the next content. */
    void blockBoundary() {
        lineBreak();
        blankPending = true;
    }

    /** Starts a list item: the marker goes before its first line, the indent before its other lines. */
    void item(String marker) {
        lineBreak();
        itemPrefix = prefix();
        itemMarker = marker;
        indents.addLast(" ".repeat(marker.length()));
    }

    void endItem() {
        lineBreak();
        itemMarker = null;
        indents.pollLast();
    }

    void pushIndent(String indent) {
        indents.addLast(indent);
    }

    void popIndent() {
        indents.pollLast();
    }

    String result() {
        lineBreak();
        List<String> out = new ArrayList<>();
        for (String each : lines) {
            boolean blank = each.isBlank();
            if (blank && (out.isEmpty() || out.get(out.size() - 1).isEmpty())) {
                continue;
            }
            out.add(blank ? "" : each);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private void startLine() {
        if (lineStarted) {
            return;
        }
        if (blankPending && !lines.isEmpty()) {
            lines.add("");
        }
        blankPending = false;
        if (itemMarker != null) {
            line.append(itemPrefix).append(itemMarker);
            itemMarker = null;
        } else {
            line.append(prefix());
        }
        prefixEnd = line.length();
        lineStarted = true;
    }

    private void endLine() {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        lines.add(line.substring(0, end));
        line.setLength(0);
        lineStarted = false;
    }

    private String prefix() {
        StringBuilder out = new StringBuilder();
        for (Iterator<String> it = indents.iterator(); it.hasNext();) {
            out.append(it.next());
        }
        return out.toString();
    }
}
