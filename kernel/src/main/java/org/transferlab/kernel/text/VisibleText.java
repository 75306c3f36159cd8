package org.transferlab.kernel.text;

/**
 * Text from a file or a plugin made safe to print: control characters and invisible Unicode are written as escapes,
 * so that a message shows what the input holds ({@code \u200b}, {@code \e[31m}) instead of acting on the terminal or
 * hiding a difference between two names that look the same.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** Escapes every invisible character, line breaks included: for one-line messages. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Escapes every invisible character but keeps {@code \n}: for messages of several lines. */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            boolean visible = (keepNewlines && codePoint == '\n') || !isInvisible(codePoint);
            if (!visible && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (visible) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append(escapeOf(codePoint));
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static String escapeOf(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1b -> "\\e";
            default -> codePoint <= 0xffff ? String.format("\\u%04x", codePoint) : String.format("\\U%08x", codePoint);
        };
    }

    /**
     * Controls (C0, DEL, C1), format characters (zero-width spaces and joiners, bidirectional overrides, the byte-order
     * mark, soft hyphens), line and paragraph separators, unpaired surrogates, private-use and unassigned code points.
     */
    static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
