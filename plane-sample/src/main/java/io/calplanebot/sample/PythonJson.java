package io.calplanebot.sample;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON byte for byte as Python's {@code json.dumps(value)} does with its defaults, which is what Plane signs
 * and sends as a webhook body: {@code ", "} and {@code ": "} separators, keys in insertion order, every character
 * outside printable ASCII escaped as lower-case {@code \\uXXXX} (UTF-16, so emoji become surrogate pairs), floats as
 * Python's {@code repr}. Values: {@link Map} (String keys), {@link List}, {@link String}, {@link Boolean},
 * {@link Number}, {@code null}.
 */
public final class PythonJson {
    private PythonJson() {
    }

    public static byte[] dumpsBytes(Object value) {
        return dumps(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal) {
            out.append(pythonFloat(((BigDecimal) value).doubleValue()));
        } else if (value instanceof Map) {
            object(out, (Map<?, ?>) value);
        } else if (value instanceof List) {
            array(out, (List<?>) value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> entry = it.next();
            string(out, (String) entry.getKey());
            out.append(": ");
            write(out, entry.getValue());
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(out, list.get(i));
        }
        out.append(']');
    }

    /** Python's {@code ESCAPE_ASCII}: everything but {@code ' '..'~'} is escaped; {@code /} is not. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
            }
        }
        out.append('"');
    }

    /** Python's {@code float.__repr__}: shortest round-trip digits, exponent only below 1e-4 or from 1e16. */
    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value));
        double magnitude = Math.abs(value);
        if (magnitude >= 1e16 || magnitude < 1e-4) {
            String digits = exact.unscaledValue().abs().toString().replaceAll("0+$", "");
            int exponent = exact.precision() - exact.scale() - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = exact.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
