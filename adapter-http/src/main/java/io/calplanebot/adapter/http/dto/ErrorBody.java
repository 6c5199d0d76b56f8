package io.calplanebot.adapter.http.dto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The error model: {@code {status: "error", message, error_code, details, timestamp}}. */
public record ErrorBody(String status, String message, String errorCode, Map<String, Object> details, String timestamp) {

    public static ErrorBody of(String errorCode, String message, Map<String, Object> details, String timestamp) {
        return new ErrorBody("error", message, errorCode, Collections.unmodifiableMap(new LinkedHashMap<>(details)),
                timestamp);
    }
}
