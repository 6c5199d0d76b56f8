package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auth modes the per-server suites do not use: Digest through lighttpd (which adds charset="UTF-8" to its
 * challenge), Basic on the servers that the suites run with Digest, and a Digest client against a Basic-only
 * server.
 */
class AuthModesIT {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"XANDIKOS, DIGEST", "DAVICAL, BASIC", "SABREDAV, BASIC"})
    void aStoreWorks_andAWrongPasswordIsAnAuthenticationError_withThisAuthMode(CalDavServerKind kind, AuthType auth) {
        try (CalDavServer server = CalDavServers.startOrSkip(kind, auth);
             CalDavCalendarStore store = CalDavCalendarStore.builder(server.settings(server.rootUrl()))
                     .retries(2, Duration.ofMillis(50)).build();
             CalDavCalendarStore wrong = CalDavCalendarStore.builder(CalDavSettings.of(server.baseUrl(), server.user(),
                     "not-the-password", auth)).retries(1, Duration.ofMillis(10)).build()) {
            Project project = new Project(UUID.randomUUID().toString(), "AUTH", "Auth " + auth);
            CalendarEvent event = Events.anEvent().forIssue(UUID.randomUUID().toString()).withSummary("[1] Auth").build();

            store.checkConnection();
            CalendarId calendar = store.ensureCalendar(project);
            store.create(calendar, event);

            assertThat(store.listOwnedEvents(calendar)).extracting(StoredEvent::uid).containsExactly(event.uid());
            assertThatThrownBy(wrong::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.AUTHENTICATION));
        }
    }

    @ParameterizedTest(name = "{0} with a Digest client")
    @CsvSource({"RADICALE"})
    void aDigestClient_againstABasicOnlyServer_isToldWhatTheServerOffers(CalDavServerKind kind) {
        try (CalDavServer server = CalDavServers.startOrSkip(kind, AuthType.BASIC);
             CalDavCalendarStore store = CalDavCalendarStore.builder(CalDavSettings.of(server.baseUrl(), server.user(),
                     server.password(), AuthType.DIGEST)).retries(1, Duration.ofMillis(10)).build()) {
            assertThatThrownBy(store::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.AUTHENTICATION);
                assertThat(e.getMessage()).contains("it offers [Basic]");
            });
        }
    }
}
