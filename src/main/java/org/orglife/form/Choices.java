package org.orglife.form;

/** The fixed value lists of the forms (forms/README.md); the Chinese label is what users see. */
public final class Choices {

    public enum MeetingForm { WHOLE, BY_GROUP }

    public enum Decision { APPROVE, RETURN }

    public enum FoundBy { MASSES, SELF, SUPERIOR, MUTUAL }

    public enum MeetingMode { FACE_TO_FACE, REMOTE }

    public enum Attendance { PRESENT, REMOTE, ABSENT }

    public enum Channel { VIDEO, PHONE, LETTER }

    /** The notice allows remote participation only for these reasons. */
    public enum RemoteReason { EPIDEMIC, FLOATING, HEALTH }

    private Choices() {
    }
}
