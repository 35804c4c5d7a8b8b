package org.orglife.escalation;

import java.util.List;
import java.util.Map;

import org.orglife.engine.EngineContext;
import org.orglife.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's notifications over {@code /api/notifications}. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<Map<String, Object>> mine(CurrentUser user) {
        return notifications.of(user.id(), 100);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Object> read(@PathVariable long id, CurrentUser user) {
        return notifications.markRead(id, user.id(), EngineContext.now())
                ? ResponseEntity.noContent().build()
                : ResponseEntity.status(org.springframework.http.HttpStatus.NOT_FOUND)
                        .body(org.orglife.errors.ApiError.of("没有这条通知"));
    }
}
