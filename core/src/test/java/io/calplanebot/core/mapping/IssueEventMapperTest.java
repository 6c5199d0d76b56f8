package io.calplanebot.core.mapping;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping, one nested class per rule of {@link IssueEventMapper#rules()}. */
class IssueEventMapperTest {
    static final MappingSettings SETTINGS = new MappingSettings("https://plane.example.com", "acme");
    static final IssueEventMapper MAPPER = new IssueEventMapper(SETTINGS);
    static final String ISSUE_ID = "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";

    static CalendarEvent map(Issues issue) {
        return MAPPER.map(issue.build()).orElseThrow();
    }

    static Issues issue() {
        return Issues.anIssue().withId(ISSUE_ID).withSequenceId(14);
    }

    @Nested
    class Selection {
        @Test
        void map_returnsNothing_forAnIssueWithoutTargetDate() {
            assertThat(MAPPER.map(issue().undated().build())).isEmpty();
        }

        @Test
        void map_returnsNothing_forAnIssueWithOnlyAStartDate() {
            Issue onlyStart = issue().undated().startingOn(LocalDate.of(2026, 12, 1)).build();
            assertThat(MAPPER.map(onlyStart)).isEmpty();
        }

        @Test
        void map_returnsAnEvent_forADatedIssue() {
            assertThat(MAPPER.map(issue().due(2026, 12, 24).build())).isPresent();
        }
    }

    @Nested
    class Uid {
        @Test
        void uid_isPlaneIssueIdAtCalplanebot() {
            assertThat(map(issue()).uid()).isEqualTo("plane-issue-" + ISSUE_ID + "@calplanebot");
        }

        @Test
        void uid_neverChanges_whenEverythingElseOfTheIssueChanges() {
            CalendarEvent before = map(issue().withName("Before").due(2026, 1, 1));
            CalendarEvent after = map(issue().withName("After").withSequenceId(99).due(2027, 5, 5)
                    .withState("Done", StateGroup.COMPLETED).withPriority(Priority.URGENT)
                    .inProject(new Project("p2", "WEB", "Website")));
            assertThat(after.uid()).isEqualTo(before.uid());
        }

        @Test
        void uid_isOwned() {
            assertThat(EventIdentity.isOwnedUid(map(issue()).uid())).isTrue();
        }
    }

    @Nested
    class ResourceName {
        @Test
        void resourceName_isPlaneIssueIdDotIcs() {
            assertThat(map(issue()).identity().resourceName()).isEqualTo("plane-issue-" + ISSUE_ID + ".ics");
        }

        @Test
        void resourceName_matchesTheIdentityOfTheIssue() {
            assertThat(map(issue()).identity()).isEqualTo(EventIdentity.forIssue(ISSUE_ID));
        }
    }

    @Nested
    class Summary {
        @Test
        void summary_isSequenceIdInBracketsThenName() {
            assertThat(map(issue().withName("Fix login")).summary()).isEqualTo("[14] Fix login");
        }

        @Test
        void summary_dropsBlanksAroundTheName() {
            assertThat(map(issue().withName("  Fix login \t")).summary()).isEqualTo("[14] Fix login");
        }

        @Test
        void summary_keepsEmojiWithZwjSequencesRtlAndCjkExactly() {
            String name = "Family 👨‍👩‍👧‍👦 team 👩‍💻 🏳️‍🌈 עברית مرحبا 日本語のタイトル 한국어 漢字";
            assertThat(map(issue().withName(name)).summary()).isEqualTo("[14] " + name);
        }

        @Test
        void summary_keepsARightToLeftMarkAtTheEdges() {
            String name = "\u200Fשלום\u200F";
            assertThat(map(issue().withName(name)).summary()).isEqualTo("[14] " + name);
        }

        @Test
        void summary_followsTheConfiguredFormat_withTheProjectIdentifier() {
            IssueEventMapper mapper = new IssueEventMapper(new MappingSettings("https://plane.example.com", "acme",
                    EventTitleFormat.WITH_PROJECT));

            assertThat(mapper.map(issue().withName(" Fix login ").build()).orElseThrow().summary())
                    .isEqualTo("[MOB-14] Fix login");
        }

        @Test
        void summary_insertsValuesLiterally_soANameWithBracesStaysAsItIs() {
            IssueEventMapper mapper = new IssueEventMapper(new MappingSettings("https://plane.example.com", "acme",
                    new EventTitleFormat("{name} ({IDENT} #{sequence_id})")));

            assertThat(mapper.map(issue().withName("Use {IDENT} and {name}").build()).orElseThrow().summary())
                    .isEqualTo("Use {IDENT} and {name} (MOB #14)");
        }

        @Test
        void titleFormat_refusesAnUnknownPlaceholderOrABlankTemplate() {
            assertThatThrownBy(() -> new EventTitleFormat("[{id}] {name}"))
                    .isInstanceOf(InvalidEventTitleFormatException.class).hasMessageContaining("{id}")
                    .hasMessageContaining("{sequence_id}, {IDENT}, {name}");
            assertThatThrownBy(() -> new EventTitleFormat(" "))
                    .isInstanceOf(InvalidEventTitleFormatException.class);
        }
    }

    @Nested
    class Description {
        @Test
        void description_isTheTextThenTheMetadataBlock() {
            CalendarEvent event = map(issue().withName("Fix login").withDescription("Users cannot log in.\nSee logs.")
                    .withState("In Progress", StateGroup.STARTED).withPriority(Priority.HIGH)
                    .withAssignees("Ann", "Bob").withLabels("bug", "backend"));
            assertThat(event.description()).isEqualTo("""
                    Users cannot log in.
                    See logs.

                    ---
                    State: In Progress
                    Priority: High
                    Assignees: Ann, Bob
                    Labels: backend, bug
                    Project: Mobile App (MOB)
                    URL: https://plane.example.com/acme/browse/MOB-14/""");
        }

        @Test
        void description_isOnlyTheMetadataBlock_whenTheIssueHasNoDescription() {
            CalendarEvent event = map(issue().withDescription(""));
            assertThat(event.description()).startsWith("---\nState: Todo\n");
            assertThat(event.description()).doesNotStartWith("\n");
        }

        @Test
        void description_treatsABlankDescriptionAsNone() {
            assertThat(map(issue().withDescription("  \n\t ")).description())
                    .isEqualTo(map(issue().withDescription("")).description());
        }

        @Test
        void description_saysNone_whenThereAreNoAssigneesOrLabels() {
            CalendarEvent event = map(issue());
            assertThat(event.description()).contains("\nAssignees: none\n").contains("\nLabels: none\n")
                    .contains("\nPriority: None\n");
        }

        @Test
        void description_listsEachLabelOnce_andLeavesBlankLabelsOut() {
            CalendarEvent event = map(issue().withLabels("bug", " ", "", "bug", " ui "));
            assertThat(event.description()).contains("\nLabels: bug, ui\n");
        }

        @Test
        void description_saysNone_whenEveryLabelIsBlank() {
            assertThat(map(issue().withLabels("", "  ")).description()).contains("\nLabels: none\n");
        }

        @Test
        void description_isTheSame_whenOnlyTheOrderOfLabelsOrAssigneesChanges() {
            CalendarEvent one = map(issue().withLabels("b", "a", "c").withAssignees("Zoe", "Ann"));
            CalendarEvent two = map(issue().withLabels("c", "b", "a").withAssignees("Ann", "Zoe"));
            assertThat(one.description()).isEqualTo(two.description());
        }

        @Test
        void description_keepsUnicodeInTextLabelsAndAssignees() {
            CalendarEvent event = map(issue().withDescription("Подробности 🎉 詳細 פרטים")
                    .withLabels("🐛 bug", "ラベル").withAssignees("José Ñúñez", "李雷"));
            assertThat(event.description()).startsWith("Подробности 🎉 詳細 פרטים\n\n---\n")
                    .contains("Labels: ").contains("🐛 bug").contains("ラベル")
                    .contains("Assignees: ").contains("José Ñúñez").contains("李雷");
        }

        @ParameterizedTest
        @EnumSource(Priority.class)
        void description_namesEveryPriority(Priority priority) {
            assertThat(map(issue().withPriority(priority)).description()).contains("\nPriority: " + priority.label() + "\n");
        }

        @Test
        void description_namesTheAssignees_butNoMailAddress() {
            CalendarEvent event = map(issue().withAssignees("Ann Smith"));
            assertThat(event.description()).contains("Assignees: Ann Smith").doesNotContain("mailto:");
        }

        @Test
        void description_namesTheProjectAndItsIdentifier() {
            CalendarEvent event = map(issue().inProject(new Project("p-web", "WEB", "Website")));
            assertThat(event.description()).contains("\nProject: Website (WEB)\nURL: https://plane.example.com/acme/browse/WEB-14/");
        }
    }

    @Nested
    class AllDayDates {
        @Test
        void dates_startOnTheTargetDate_andEndTheNextDayExclusive() {
            CalendarEvent event = map(issue().due(2026, 12, 24));
            assertThat(event.start()).isEqualTo(LocalDate.of(2026, 12, 24));
            assertThat(event.end()).isEqualTo(LocalDate.of(2026, 12, 25));
        }

        @ParameterizedTest(name = "{0} ends {1}")
        @CsvSource({
                "2026-12-31, 2027-01-01",
                "2027-02-28, 2027-03-01",
                "2028-02-28, 2028-02-29",
                "2028-02-29, 2028-03-01",
                "2026-06-30, 2026-07-01"})
        void dates_rollOverMonthsYearsAndLeapDays(LocalDate due, LocalDate end) {
            CalendarEvent event = map(issue().due(due));
            assertThat(event.start()).isEqualTo(due);
            assertThat(event.end()).isEqualTo(end);
        }

        @Test
        void dates_ignoreTheStartDate() {
            CalendarEvent event = map(issue().startingOn(LocalDate.of(2026, 12, 1)).due(2026, 12, 24));
            assertThat(event.start()).isEqualTo(LocalDate.of(2026, 12, 24));
        }
    }

    @Nested
    class Status {
        @ParameterizedTest
        @CsvSource({"BACKLOG, CONFIRMED", "UNSTARTED, CONFIRMED", "STARTED, CONFIRMED",
                "COMPLETED, CANCELLED", "CANCELLED, CANCELLED"})
        void status_followsTheStateGroup(StateGroup group, EventStatus expected) {
            assertThat(map(issue().withState("Some state", group)).status()).isEqualTo(expected);
        }

        @Test
        void status_coversEveryStateGroup() {
            for (StateGroup group : StateGroup.values()) {
                EventStatus status = map(issue().withState(group.name(), group)).status();
                assertThat(status).isEqualTo(group.isClosed() ? EventStatus.CANCELLED : EventStatus.CONFIRMED);
            }
        }
    }

    @Nested
    class Categories {
        @Test
        void categories_areTheLabelNames() {
            assertThat(map(issue().withLabels("bug", "backend")).categories()).containsExactlyInAnyOrder("bug", "backend");
        }

        @Test
        void categories_areEmpty_withoutLabels() {
            assertThat(map(issue()).categories()).isEmpty();
        }

        @Test
        void categories_dropDuplicatesAndBlanks_andTrimNames() {
            assertThat(map(issue().withLabels("bug", "", "  ", "bug", " ui ")).categories())
                    .containsExactlyInAnyOrder("bug", "ui");
        }

        @Test
        void categories_keepUnicodeLabels() {
            assertThat(map(issue().withLabels("🐛 bug", "ラベル", "תווית")).categories())
                    .containsExactlyInAnyOrder("🐛 bug", "ラベル", "תווית");
        }
    }

    @Nested
    class Color {
        @ParameterizedTest
        @CsvSource({"URGENT, red", "HIGH, orange", "MEDIUM, yellow", "LOW, green"})
        void color_isACssNameByPriority(Priority priority, String color) {
            assertThat(map(issue().withPriority(priority)).color()).contains(color);
        }

        @Test
        void color_isAbsent_forNoPriority() {
            assertThat(map(issue().withPriority(Priority.NONE)).color()).isEmpty();
        }

        @Test
        void color_isDefinedForEveryPriority() {
            for (Priority priority : Priority.values()) {
                assertThat(map(issue().withPriority(priority)).color().isPresent())
                        .as(priority.name()).isEqualTo(priority != Priority.NONE);
            }
        }
    }

    @Nested
    class Url {
        @Test
        void url_isWebUrlWorkspaceBrowseKeyWithTrailingSlash() {
            assertThat(map(issue()).url()).isEqualTo("https://plane.example.com/acme/browse/MOB-14/");
        }

        @Test
        void url_hasNoDoubleSlash_whenTheWebUrlEndsWithASlash() {
            IssueEventMapper mapper = new IssueEventMapper(new MappingSettings("https://plane.example.com/", "acme"));
            assertThat(mapper.map(issue().build()).orElseThrow().url())
                    .isEqualTo("https://plane.example.com/acme/browse/MOB-14/");
        }

        @Test
        void url_keepsAPathPrefixOfTheWebUrl() {
            IssueEventMapper mapper = new IssueEventMapper(new MappingSettings("https://example.com/plane//", "acme"));
            assertThat(mapper.map(issue().build()).orElseThrow().url())
                    .isEqualTo("https://example.com/plane/acme/browse/MOB-14/");
        }
    }

    @Nested
    class RuleList {
        @Test
        void rules_listEveryRule_inTheOrderTheyApply() {
            assertThat(IssueEventMapper.rules()).extracting(Object::getClass).containsExactly(
                    UidRule.class, ResourceNameRule.class, SummaryRule.class, DescriptionRule.class,
                    AllDayDatesRule.class, StatusRule.class, CategoriesRule.class, ColorRule.class, UrlRule.class,
                    FactsRule.class);
        }

        @Test
        void facts_carryProjectStateGroupPriorityAndAssignees_andAreNeverCompared() {
            CalendarEvent event = map(issue().withPriority(io.calplanebot.core.domain.Priority.HIGH)
                    .withState("In Progress", io.calplanebot.core.domain.StateGroup.STARTED).withAssignees("Kenji Sato"));

            io.calplanebot.core.domain.IssueFacts facts = event.facts().orElseThrow();
            assertThat(facts.projectIdentifier()).isEqualTo("MOB");
            assertThat(facts.stateGroup()).isEqualTo(io.calplanebot.core.domain.StateGroup.STARTED);
            assertThat(facts.priority()).isEqualTo(io.calplanebot.core.domain.Priority.HIGH);
            assertThat(facts.assignees()).singleElement().satisfies(p -> {
                assertThat(p.isNamedBy("kenji.sato@example.test")).isTrue();
                assertThat(p.isNamedBy("KENJI SATO")).isTrue();
                assertThat(p.isNamedBy(p.id())).isTrue();
                assertThat(p.isNamedBy("priya")).isFalse();
            });
            assertThat(event.withFacts(java.util.Optional.empty()).sameManagedContent(event)).isTrue();
        }

        @Test
        void map_isDeterministic_forTheSameIssue() {
            Issue issue = issue().withLabels("a", "b").withAssignees("x").withDescription("d").build();
            assertThat(MAPPER.map(issue)).isEqualTo(MAPPER.map(issue));
        }
    }
}
