package org.transferlab.kernel.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.transferlab.kernel.text.VisibleText;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into SnakeYAML's node tree, never into Java objects, with limits on size, nesting and aliases. A
 * document that cannot be read is one error with its position.
 */
final class YamlComposer {

    static final int MAX_CODE_POINTS = 1 << 20;
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    static final int MAX_NESTING_DEPTH = 50;

    private YamlComposer() {
    }

    static Node compose(String text, ErrorCollector errors) throws ConfigException {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            errors.add(1, 1, YamlPath.ROOT, "the file is longer than " + MAX_CODE_POINTS + " characters");
            throw errors.toException();
        }
        PositionTrackingParser parser = new PositionTrackingParser(new ParserImpl(new StreamReader(text), options()));
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options()).getSingleNode();
        } catch (MarkedYAMLException e) {
            errors.add(positionOf(e, parser), YamlPath.ROOT, describe(e));
            throw errors.toException();
        } catch (ReaderException e) {
            int[] position = lineAndColumn(text, e.getPosition());
            errors.add(position[0], position[1], YamlPath.ROOT, "the file holds the character "
                    + VisibleText.escape(Character.toString(e.getCodePoint())) + ", which YAML does not allow (control "
                    + "characters other than tab and line breaks); remove it");
            throw errors.toException();
        } catch (YAMLException e) {
            errors.add(parser.lastMark(), YamlPath.ROOT, describe(e));
            throw errors.toException();
        }
        if (root == null) {
            errors.add(1, 1, YamlPath.ROOT, "the file holds no settings");
            throw errors.toException();
        }
        errors.locateAliasesWith(parser.aliasUses);
        return root;
    }

    /** The 1-based line and column of the code point at {@code index}. */
    private static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int column = 1;
        int codePoints = 0;
        for (int i = 0; i < text.length() && codePoints < index; i = text.offsetByCodePoints(i, 1), codePoints++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // Nothing is ever constructed from tags; accepting them here lets the structure check report every one with its
        // position instead of stopping at the first.
        options.setTagInspector(tag -> true);
        return options;
    }

    private static Mark positionOf(MarkedYAMLException e, PositionTrackingParser parser) {
        if (e.getProblemMark() != null) {
            return e.getProblemMark();
        }
        return e.getContextMark() != null ? e.getContextMark() : parser.lastMark();
    }

    private static String describe(MarkedYAMLException e) {
        if ("expected a single document in the stream".equals(e.getContext())) {
            return "the file must hold a single YAML document, but another one starts here";
        }
        String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
        if (e.getContext() == null || e.getContextMark() == null || e.getProblemMark() == null) {
            return problem;
        }
        Mark context = e.getContextMark();
        return problem + " (" + e.getContext() + " at line " + (context.getLine() + 1) + ", column "
                + (context.getColumn() + 1) + ")";
    }

    private static String describe(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return "more than " + MAX_ALIASES_FOR_COLLECTIONS
                    + " aliases to lists or mappings (a guard against alias bombs)";
        }
        if (message.startsWith("The incoming YAML document exceeds the limit")) {
            return "the file is longer than " + MAX_CODE_POINTS + " characters";
        }
        if (message.startsWith("Nesting Depth exceeded")) {
            return "lists and mappings are nested more than " + MAX_NESTING_DEPTH + " levels deep";
        }
        return message;
    }

    /**
     * Remembers where the last event started, so that SnakeYAML's errors without a position still get one, and where
     * each alias is used.
     */
    private static final class PositionTrackingParser implements Parser {

        private final Parser delegate;
        private final AliasUses aliasUses = new AliasUses();
        private Mark lastMark;

        PositionTrackingParser(Parser delegate) {
            this.delegate = delegate;
        }

        Mark lastMark() {
            return lastMark == null ? new Mark("", 0, 0, 0, new int[0], 0) : lastMark;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            lastMark = event.getStartMark();
            aliasUses.accept(event);
            return event;
        }
    }
}
