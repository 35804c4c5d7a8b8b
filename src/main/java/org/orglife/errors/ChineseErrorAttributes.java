package org.orglife.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's error page says when a request never reached a controller (a path the firewall
 * rejects, an address that does not exist): the same {@code {"error": …}} in Chinese as every
 * {@code /api} error, and nothing about the server's internals.
 */
@Component
public class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object status = super.getErrorAttributes(request, ErrorAttributeOptions.defaults()).get("status");
        int code = status instanceof Integer value ? value : 500;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("status", code);
        attributes.put("error", messageFor(code));
        attributes.put("details", List.of());
        return attributes;
    }

    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> "请求的地址或内容不对，未执行";
            case 401 -> "请先登录（用户名或密码不正确）";
            case 403 -> "无权进行此操作";
            case 404 -> "没有这个地址";
            case 405 -> "不支持该请求方式";
            case 413 -> "请求内容过大，未执行";
            case 415 -> "请求内容的格式不对";
            default -> status >= 500 ? "系统内部错误，请稍后重试或联系管理员" : "请求未能执行";
        };
    }
}
