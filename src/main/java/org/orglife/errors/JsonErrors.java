package org.orglife.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes an {@link ApiError} from a servlet filter, where no controller advice reaches. */
public final class JsonErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), ApiError.of(message));
    }

    private JsonErrors() {
    }
}
