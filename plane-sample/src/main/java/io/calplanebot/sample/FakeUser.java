package io.calplanebot.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Plane user as the fake knows it. */
public record FakeUser(String id, String firstName, String lastName, String email, String displayName) {

    /** Plane's UserLite: {@code id, first_name, last_name, email, avatar, avatar_url, display_name}. */
    public Map<String, Object> lite() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("first_name", firstName);
        out.put("last_name", lastName);
        out.put("email", email);
        out.put("avatar", "");
        out.put("avatar_url", null);
        out.put("display_name", displayName);
        return out;
    }
}
