package org.orglife.errors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the size limit ({@code spring.servlet.multipart}) is found while the request is read,
 * before any controller is chosen, where {@link ApiExceptionHandler} (which answers for our controllers
 * only) is not asked: answered here, for every address, with the same Chinese 413.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    static final String TOO_LARGE = "上传的文件太大（单个文件不超过 10 MB，一次上传合计不超过 20 MB），未保存";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(TOO_LARGE));
    }
}
