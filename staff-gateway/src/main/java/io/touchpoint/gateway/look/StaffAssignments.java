package io.touchpoint.gateway.look;

import io.touchpoint.support.touchpoint.TouchpointType;
import io.touchpoint.support.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Stores operations' staff assignments and reads the ones that bind a staff member now. */
@ApplicationScoped
public class StaffAssignments {

    /** A roster period; longer intervals are almost certainly a mistake in the feed. */
    static final Duration LONGEST = Duration.ofDays(31);

    public enum Outcome { CREATED, UPDATED }

    private final Clock clock;

    public StaffAssignments(Clock clock) {
        this.clock = clock;
    }

    /** Idempotent by operations' own id: sending the same assignment again changes nothing. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Transactional
    public Outcome put(String externalId, AssignmentRecord record) {
        if (TouchpointType.of(record.touchpoint()).isEmpty()) {
            throw Problems.badRequest("unknown-touchpoint-type", "Unknown touchpoint type",
                    "touchpoint: TYPE must be one of " + TouchpointType.names());
        }
        if (record.from().isBefore(EARLIEST) || record.until().isAfter(LATEST)) {
            // The database holds no year 200000: such a time is the caller's mistake, not a server error.
            throw Problems.badRequest("invalid-time", "Invalid time", "from, until: must lie between 1970 and 9999");
        }
        if (!record.until().isAfter(record.from())) {
            throw Problems.badRequest("empty-interval", "Empty assignment", "until: must be after from");
        }
        if (Duration.between(record.from(), record.until()).compareTo(LONGEST) > 0) {
            throw Problems.badRequest("interval-too-long", "Assignment too long", "until: at most 31 days after from");
        }
        StaffAssignment assignment = StaffAssignment.findById(externalId);
        Outcome outcome = assignment == null ? Outcome.CREATED : Outcome.UPDATED;
        if (assignment == null) {
            assignment = new StaffAssignment();
            assignment.externalId = externalId;
        }
        assignment.staffSubject = record.staffSubject();
        assignment.touchpoint = record.touchpoint();
        assignment.startsAt = record.from();
        assignment.endsAt = record.until();
        assignment.updatedAt = clock.instant();
        assignment.persist();
        return outcome;
    }

    /** The staff member's assignments that have not ended; the policy decides which of them bind now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LookPolicy.Assignment> of(String staffSubject) {
        return StaffAssignment.<StaffAssignment>list("staffSubject = ?1 and endsAt > ?2", staffSubject, clock.instant()).stream()
                .map(a -> new LookPolicy.Assignment(a.touchpoint, a.startsAt, a.endsAt)).toList();
    }

    public java.time.Instant now() {
        return clock.instant();
    }
}
