package org.transferlab.kernel.config;

import java.util.regex.Pattern;

/** The globs of {@code freeze: {params: [...]}}: {@code *} matches any run of characters, {@code ?} one character. */
public final class FreezeGlob {

    private FreezeGlob() {
    }

    public static boolean matches(String glob, String name) {
        return pattern(glob).matcher(name).matches();
    }

    /** Everything but {@code *} and {@code ?} is literal. */
    public static Pattern pattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString());
    }
}
