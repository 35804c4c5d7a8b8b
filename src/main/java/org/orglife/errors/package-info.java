/**
 * The API's problem answers, in Chinese and never with a stack trace: {@link org.orglife.errors.ApiProblem},
 * which every refusal of a feature extends (status, sentence, details); the {@code /api} handler; the
 * answers of Spring Boot's error page and of the servlet container itself; oversized uploads. Uses no
 * other package of the application.
 */
package org.orglife.errors;
