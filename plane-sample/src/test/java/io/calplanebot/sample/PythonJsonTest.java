package io.calplanebot.sample;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PythonJsonTest {

    @Test
    void dumps_usesPythonSeparatorsAndKeepsKeyOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("event", "issue");
        value.put("data", new LinkedHashMap<>(Map.of("id", "x")));
        value.put("labels", new ArrayList<>(Arrays.asList(1, null, true, false)));
        value.put("description", new LinkedHashMap<>());

        assertThat(PythonJson.dumps(value)).isEqualTo(
                "{\"event\": \"issue\", \"data\": {\"id\": \"x\"}, \"labels\": [1, null, true, false], "
                        + "\"description\": {}}");
    }

    @Test
    void dumps_escapesNonAsciiAsLowerCaseUtf16_withSurrogatePairs() {
        assertThat(PythonJson.dumps("App crashes on launch when locale is ar-EG 🌙 ٠١"))
                .isEqualTo("\"App crashes on launch when locale is ar-EG \\ud83c\\udf19 \\u0660\\u0661\"");
        assertThat(PythonJson.dumps("Satō → é")).isEqualTo("\"Sat\\u014d \\u2192 \\u00e9\"");
    }

    @Test
    void dumps_escapesControlCharactersLikePython_andLeavesSlashesAndHtmlAlone() {
        assertThat(PythonJson.dumps("a\"b\\c\nd\te\u0001\u007f</p>&"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\u007f</p>&\"");
    }

    @Test
    void dumps_writesFloatsAsPythonRepr() {
        assertThat(PythonJson.dumps(95535.0)).isEqualTo("95535.0");
        assertThat(PythonJson.dumps(0.5)).isEqualTo("0.5");
        assertThat(PythonJson.dumps(1e16)).isEqualTo("1e+16");
        assertThat(PythonJson.dumps(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(PythonJson.dumps(123456789.125)).isEqualTo("123456789.125");
    }
}
