package io.warden.command.exportcontrol;

import java.util.List;
import java.util.Optional;

/**
 * What export controls know about each account and organization, in tables owned by the command side: the names to
 * screen and the organizations' current restriction. Written by {@link ExportControlLookups} in the transaction of
 * the events (so an on-demand screening right after registration finds its account), and topped up by
 * {@link ExportControlReactor} for accounts registered before export controls existed.
 */
public interface ScreeningSubjects {

    record Subject(String accountId, String organization, String organizationId, String country) {
    }

    record Control(String organizationId, boolean restricted, int restriction, List<List<String>> controlPaths,
                   double share) {
    }

    void subjectRegistered(Subject subject);

    Optional<Subject> subject(String accountId);

    /** Up to {@code limit} subjects with an account id after {@code afterAccountId} (null: from the start), in order. */
    List<Subject> subjectsAfter(String afterAccountId, int limit);

    List<Subject> subjectsOf(String organizationId);

    void controlAssessed(Control control);

    Optional<Control> control(String organizationId);
}
