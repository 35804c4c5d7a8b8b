package org.orglife.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives the real webapps in a headless Chromium against the demo township served on a
 * random port. Tagged "browser": run only by {@code ./mvnw verify -Pbrowser}. Every such class shares
 * one application context, so each works on cycles of its own (its own year of DDG-01).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@interface BrowserTest {
}
