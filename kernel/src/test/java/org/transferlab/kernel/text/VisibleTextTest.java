package org.transferlab.kernel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void terminalEscapesAndControlCharactersAreWrittenOut() {
        assertEquals("\\e[31mred\\e[0m", VisibleText.escape("\u001b[31mred\u001b[0m"));
        assertEquals("a\\tb\\nc\\rd\\u0000\\u007f\\u0085", VisibleText.escape("a\tb\nc\rd\u0000\u007f\u0085"));
    }

    @Test
    void invisibleUnicodeIsWrittenOut() {
        assertEquals("alex\\u200bnet", VisibleText.escape("alex\u200bnet"));
        assertEquals("\\ufeffbom \\u202eevil \\u2028line", VisibleText.escape("\ufeffbom \u202eevil \u2028line"));
        assertEquals("lone \\ud800 surrogate", VisibleText.escape("lone \ud800 surrogate"));
        assertEquals("private \\U000f0000", VisibleText.escape("private " + Character.toString(0xf0000)));
    }

    @Test
    void printableTextOfAnyScriptIsKeptAsItIs() {
        String text = "Fashion-MNIST ε=0.1 → 手書き 😀 café";
        assertSame(text, VisibleText.escape(text));
    }

    @Test
    void messagesOfSeveralLinesCanKeepTheirLineBreaks() {
        assertEquals("one\ntwo\\e", VisibleText.escapeKeepingLines("one\ntwo\u001b"));
    }
}
