package org.transferlab.kernel.config;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the text of a YAML scalar into a string, number, boolean or enum constant. Numbers are decimal, with optional
 * {@code _} between digits ({@code 60_000}); enum constants are written in kebab-case ({@code source-prediction}).
 * Where YAML 1.1 and 1.2 disagree the file is refused rather than read one way: booleans are {@code true} and
 * {@code false} only ({@code yes}, {@code on} are errors), and an integer part may not start with 0 ({@code 010} is
 * octal 8 to YAML 1.1 and ten to 1.2).
 */
final class ScalarConverter {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9][0-9_]*");
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?");
    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false);
    private static final Set<String> YAML_11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+(?:[.eE].*)?");
    private static final Pattern NONZERO_DIGIT = Pattern.compile("[1-9]");
    private static final Set<Class<?>> SCALAR_TYPES = Set.of(
            String.class, Integer.class, int.class, Long.class, long.class, Double.class, double.class,
            Boolean.class, boolean.class);

    private ScalarConverter() {
    }

    static boolean supports(Class<?> type) {
        return SCALAR_TYPES.contains(type) || type.isEnum();
    }

    /** What a value of {@code type} looks like, for "expected ..." messages. */
    static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", enumSpellings(type));
        }
        throw new IllegalArgumentException("not a scalar type: " + type.getName());
    }

    static Object convert(String text, Class<?> type) throws InvalidValueException {
        if (type == String.class) {
            return text;
        }
        if (type == Integer.class || type == int.class) {
            return (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Double.class || type == double.class) {
            return decimal(text);
        }
        if (type == Boolean.class || type == boolean.class) {
            Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
            if (value == null && YAML_11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
                throw new InvalidValueException("expected true or false, got " + YamlNodes.quote(text)
                        + " (a boolean only in YAML 1.1; this file is read as YAML 1.2)");
            }
            if (value == null) {
                throw mismatch(type, text);
            }
            return value;
        }
        if (type.isEnum()) {
            return enumConstant(text, type);
        }
        throw new IllegalArgumentException("not a scalar type: " + type.getName());
    }

    private static long integer(String text, long min, long max) throws InvalidValueException {
        if (!INTEGER.matcher(text).matches()) {
            throw mismatch(Long.class, text);
        }
        rejectLeadingZero(text);
        BigInteger value = new BigInteger(text.replace("_", ""));
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidValueException(
                    "expected an integer between " + min + " and " + max + ", got " + YamlNodes.quote(text));
        }
        return value.longValueExact();
    }

    private static double decimal(String text) throws InvalidValueException {
        if (!DECIMAL.matcher(text).matches()) {
            throw mismatch(Double.class, text);
        }
        rejectLeadingZero(text);
        double value = Double.parseDouble(text.replace("_", ""));
        if (Double.isInfinite(value)) {
            throw new InvalidValueException("expected a finite number, got " + YamlNodes.quote(text));
        }
        String mantissa = text.split("[eE]")[0];
        if (value == 0 && NONZERO_DIGIT.matcher(mantissa).find()) {
            throw new InvalidValueException(YamlNodes.quote(text) + " is too small for a double and would be read as 0; "
                    + "write 0 if that is meant");
        }
        return value;
    }

    private static void rejectLeadingZero(String text) throws InvalidValueException {
        if (LEADING_ZERO.matcher(text).matches()) {
            throw new InvalidValueException(YamlNodes.quote(text) + " starts with 0, which YAML 1.1 reads as octal; "
                    + "write the number without leading zeros");
        }
    }

    private static Object enumConstant(String text, Class<?> type) throws InvalidValueException {
        String name = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw mismatch(type, text);
    }

    private static InvalidValueException mismatch(Class<?> type, String text) {
        return new InvalidValueException("expected " + expected(type) + ", got " + YamlNodes.quote(text));
    }

    private static List<String> enumSpellings(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toList());
    }
}
