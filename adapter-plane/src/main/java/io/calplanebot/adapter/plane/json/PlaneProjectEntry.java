package io.calplanebot.adapter.plane.json;

import io.calplanebot.core.domain.Project;

/**
 * A project as Plane lists it, with the facts that decide whether it is mirrored.
 *
 * @param project  the project
 * @param archived whether {@code archived_at} is set (archived projects stay in Plane's list)
 * @param member   whether the key's user is a member ({@code is_member}); public projects are listed to non-members
 */
public record PlaneProjectEntry(Project project, boolean archived, boolean member) {
}
