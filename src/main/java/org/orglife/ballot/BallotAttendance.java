package org.orglife.ballot;

import org.orglife.form.Choices.Attendance;
import org.orglife.form.Choices.RemoteReason;

/** A voter's attendance as the secretary recorded it on opening: a code was printed for each one present or remote. */
public record BallotAttendance(String memberId, Attendance attendance, RemoteReason remoteReason) {

    public boolean getsCode() {
        return attendance != Attendance.ABSENT;
    }
}
